package cn.liangxin.opinions.visit;

import java.io.IOException;
import java.security.Principal;

import cn.liangxin.opinions.org.AccessScope;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.validation.InvalidInputException;
import cn.liangxin.opinions.validation.Paging;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The roster of an organization's employees (花名册), docs/visits.md. Names are the
 * organization's own: only its branch (secretary and members) and admins import, list and
 * check them; supervising committees and the district see counts (the coverage), 403
 * here; whoever does not see the organization at all gets 404.
 */
@RestController
@RequestMapping("/api/orgs/{orgCode}")
class RosterController {

	private final Roster roster;

	private final OrgDirectory directory;

	RosterController(Roster roster, OrgDirectory directory) {
		this.roster = roster;
		this.directory = directory;
	}

	/**
	 * Imports a roster file (multipart field {@code file}: CSV or XLSX, the columns of
	 * docs/visits.md); {@code replace=true} makes it the whole roster. 400 lists every
	 * broken rule with its line, and nothing is stored.
	 */
	@PostMapping(path = "/employees", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Roster.ImportResult importRoster(@PathVariable String orgCode, @RequestPart("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean replace, Principal principal) {
		ownBranch(orgCode, principal);
		byte[] content;
		try {
			content = file.getBytes();
		}
		catch (IOException ex) {
			throw new InvalidInputException("file", "unreadable", "上传的文件没有完整收到，请重新上传");
		}
		return this.roster.importFile(orgCode, file.getOriginalFilename(), content, replace);
	}

	/** One page of the roster by 工号; {@code active=false} includes who left. */
	@GetMapping("/employees")
	Paging.PageView<Roster.EmployeeView> list(@PathVariable String orgCode,
			@RequestParam(defaultValue = "true") boolean active, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Principal principal) {
		ownBranch(orgCode, principal);
		return this.roster.list(orgCode, active, Paging.of(page, size));
	}

	/**
	 * The pairing rules over the roster: members outside their range, employees without a
	 * contact (those in special difficulty apart), blocks without a leader, employees
	 * without a block.
	 */
	@GetMapping("/pairings")
	PairingRules.Report pairings(@PathVariable String orgCode, Principal principal) {
		ownBranch(orgCode, principal);
		return this.roster.pairing(orgCode);
	}

	private void ownBranch(String orgCode, Principal principal) {
		AccessScope scope = this.directory.scopeOf(principal.getName());
		if (this.directory.organization(orgCode).isEmpty() || !scope.sees(orgCode)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有找到组织 " + orgCode);
		}
		if (!scope.registersFor(orgCode)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "员工花名册只有本组织党支部和系统管理员可以查看和导入；主管党委和区委在走访覆盖情况中看到人数");
		}
	}

}
