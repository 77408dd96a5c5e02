package cn.liangxin.opinions.org;

import java.security.Principal;

import cn.liangxin.opinions.org.OrgAdminController.PersonView;
import cn.liangxin.opinions.validation.Errors;

import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The signed-in person's own profile: {@code GET /api/me}, and
 * {@code PUT /api/me/daily-digest} with {@code {"dailyDigest": true}} to take the daily
 * digest instead of single reminders.
 */
@RestController
@RequestMapping(path = "/api/me", produces = MediaType.APPLICATION_JSON_VALUE)
class MyProfileController {

	private final OrgDirectory directory;

	MyProfileController(OrgDirectory directory) {
		this.directory = directory;
	}

	record DigestChoice(Boolean dailyDigest) {
	}

	@GetMapping
	PersonView me(Principal principal) {
		return PersonView.of(person(principal));
	}

	@PutMapping(path = "/daily-digest", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Transactional
	PersonView chooseDigest(@RequestBody DigestChoice choice, Principal principal) {
		Errors errors = new Errors();
		if (choice == null || choice.dailyDigest() == null) {
			errors.add("dailyDigest", "required", "请选择是否接收每日待办汇总（true 或 false）");
		}
		errors.throwIfAny();
		Person person = person(principal).withDailyDigest(choice.dailyDigest());
		return PersonView.of(this.directory.save(person, null));
	}

	private Person person(Principal principal) {
		return this.directory.person(principal.getName())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"用户 " + principal.getName() + " 不在组织名册中（Camunda 内置管理员没有个人资料）"));
	}

}
