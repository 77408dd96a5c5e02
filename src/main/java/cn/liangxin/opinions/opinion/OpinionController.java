package cn.liangxin.opinions.opinion;

import java.net.URI;
import java.security.Principal;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The intake API: register an opinion, read its register entry. */
@RestController
@RequestMapping("/api/opinions")
class OpinionController {

	private final OpinionIntakeService intake;

	private final OpinionRegister register;

	OpinionController(OpinionIntakeService intake, OpinionRegister register) {
		this.intake = intake;
		this.register = register;
	}

	@PostMapping
	ResponseEntity<OpinionView> register(@RequestBody OpinionIntake body, Principal principal) {
		RegisterEntry entry = this.intake.register(body, (principal != null) ? principal.getName() : null);
		return ResponseEntity.created(URI.create("/api/opinions/" + entry.getCaseNo())).body(OpinionView.of(entry));
	}

	@GetMapping("/{caseNo}")
	ResponseEntity<OpinionView> get(@PathVariable String caseNo) {
		return ResponseEntity.of(this.register.find(caseNo).map(OpinionView::of));
	}

}
