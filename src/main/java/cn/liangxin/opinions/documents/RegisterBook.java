package cn.liangxin.opinions.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.opinion.Actor;
import cn.liangxin.opinions.opinion.OpinionRegister;
import cn.liangxin.opinions.opinion.RegisterEntry;
import cn.liangxin.opinions.org.Department;
import cn.liangxin.opinions.org.OrgDirectory;
import cn.liangxin.opinions.org.Organization;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;

/**
 * The register book (员工意见办理情况登记簿, attachment 2 of seed 000) of an organization for a
 * year, one row per case in the order of its numbers: the attachment's twelve columns
 * with its headings, then ours. As a workbook (XLSX) and as a PDF (landscape A4, numbered
 * pages) followed by the stubs of its slips, as the seed asks for the archive. Both are
 * written as streams, a page of cases at a time, so that memory stays flat as the book
 * grows.
 */
@Service
public class RegisterBook {

	/** The columns of attachment 2, in its order. */
	public static final List<String> SEED_COLUMNS = List.of("序号", "反映人姓名", "家庭住址", "反映时间", "反映问题的主要内容", "处理意见及结果",
			"经办人", "反馈本人方式", "反馈本人时间", "《反馈单》签收人", "是否销号", "备注");

	/** Ours, after the seed's. */
	public static final List<String> OUR_COLUMNS = List.of("案件编号", "车间/岗位", "联系电话", "反映渠道", "类别", "问题范围", "处理方式",
			"承办部门", "办理期限", "是否逾期", "员工是否满意", "退单次数", "延期次数", "补办次数", "销号日期", "办理记录");

	private static final int PAGE = 500;

	/**
	 * Bytes of a register book's PDF kept in memory while it is written; the rest in a
	 * temporary file.
	 */
	private static final long PDF_MEMORY = 16L * 1024 * 1024;

	/** Widths of the seed's columns in the PDF, in points (landscape A4 less margins). */
	private static final float[] PDF_WIDTHS = { 30, 50, 70, 56, 132, 150, 50, 48, 56, 52, 34, 54 };

	private static final float PDF_MARGIN = 30;

	private static final float CELL_FONT = 8;

	private static final float CELL_LEADING = 10.5f;

	/** Characters of a cell the PDF shows at most (the workbook has it all). */
	private static final int PDF_CELL_MAX = 240;

	private final OpinionRegister register;

	private final OrgDirectory orgs;

	private final DocumentFonts fonts;

	private final Slips slips;

	private final CaseDocuments documents;

	RegisterBook(OpinionRegister register, OrgDirectory orgs, DocumentFonts fonts, Slips slips,
			CaseDocuments documents) {
		this.register = register;
		this.orgs = orgs;
		this.fonts = fonts;
		this.slips = slips;
		this.documents = documents;
	}

	/**
	 * The book as a workbook, written to the stream.
	 * @return the cases it lists
	 */
	public List<String> xlsx(String orgCode, int year, OutputStream out) {
		List<String> listed = new ArrayList<>();
		Organization org = this.orgs.requireOrganization(orgCode);
		Map<String, String> departments = departmentNames(orgCode);
		SXSSFWorkbook workbook = new SXSSFWorkbook(200);
		try {
			SXSSFSheet sheet = workbook.createSheet(year + "年登记簿");
			CellStyle header = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			header.setFont(bold);
			header.setWrapText(true);
			header.setAlignment(HorizontalAlignment.CENTER);
			header.setVerticalAlignment(VerticalAlignment.CENTER);
			bordered(header);
			CellStyle cell = workbook.createCellStyle();
			cell.setWrapText(true);
			cell.setVerticalAlignment(VerticalAlignment.TOP);
			bordered(cell);
			Row title = sheet.createRow(0);
			title.createCell(0).setCellValue("员工意见办理情况登记簿　单位：" + org.getName() + "　" + year + "年");
			Row heading = sheet.createRow(1);
			List<String> columns = new ArrayList<>(SEED_COLUMNS);
			columns.addAll(OUR_COLUMNS);
			for (int i = 0; i < columns.size(); i++) {
				heading.createCell(i).setCellValue(columns.get(i));
				heading.getCell(i).setCellStyle(header);
				sheet.setColumnWidth(i, 256 * columnWidth(columns.get(i)));
			}
			sheet.createFreezePane(2, 2);
			int[] rowNo = { 2 };
			eachPage(orgCode, year, (entries) -> {
				for (RegisterEntry entry : entries) {
					listed.add(entry.getCaseNo());
					Row row = sheet.createRow(rowNo[0]++);
					List<String> values = new ArrayList<>(seedValues(entry, departments));
					values.addAll(ourValues(entry, departments));
					for (int i = 0; i < values.size(); i++) {
						row.createCell(i).setCellValue(values.get(i));
						row.getCell(i).setCellStyle(cell);
					}
				}
			});
			workbook.write(out);
			return listed;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			workbook.dispose();
			try {
				workbook.close();
			}
			catch (IOException ex) {
				// the stream was written; the temporary files are gone
			}
		}
	}

	/**
	 * The book as a PDF followed by the stubs of its slips, written to the stream.
	 * @return the cases it lists
	 */
	public List<String> pdf(String orgCode, int year, OutputStream out) {
		List<String> listed = new ArrayList<>();
		Organization org = this.orgs.requireOrganization(orgCode);
		Map<String, String> departments = departmentNames(orgCode);
		LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
		// pages are kept in memory up to PDF_MEMORY, then in a temporary file
		try (PDDocument document = new PDDocument(MemoryUsageSetting.setupMixed(PDF_MEMORY).streamCache)) {
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle("员工意见办理情况登记簿 " + org.getName() + " " + year + "年");
			info.setCreator("员工意见办理");
			try (Typesetter t = new Typesetter(document, this.fonts)) {
				Table table = new Table(t, org.getName(), year);
				table.start();
				eachPage(orgCode, year, (entries) -> entries.forEach((e) -> {
					listed.add(e.getCaseNo());
					table.row(seedValues(e, departments));
				}));
				if (table.rows == 0) {
					t.text(PDF_MARGIN, table.y + 8, 10, "本年度尚无登记的员工意见。");
				}
				// the archive: the stubs of the slips behind the register, two to a page
				int[] slot = { 0 };
				CaseDocuments.Lookups lookups = this.documents.lookups();
				eachPage(orgCode, year, (entries) -> {
					for (RegisterEntry entry : entries) {
						this.documents.assignmentFacts(entry, lookups)
							.ifPresent((facts) -> this.slips.assignmentStub(t, nextStub(t, slot), facts));
						this.documents.feedbackFacts(entry, today, lookups)
							.ifPresent((facts) -> this.slips.feedbackStub(t, nextStub(t, slot), facts));
					}
				});
				numberPages(document, t);
			}
			document.save(out);
			return listed;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The top of the next stub: the upper half of a new page, or the lower half. */
	private static float nextStub(Typesetter t, int[] slot) {
		if (slot[0] == 0) {
			t.newPage(Typesetter.A4);
			t.text(Slips.MARGIN, 12, 8, "附：员工意见交办单、员工意见办理情况反馈单存根联");
			slot[0] = 1;
			return 0;
		}
		t.dashedLine(24, Slips.HALF, t.pageWidth() - 24);
		slot[0] = 0;
		return Slips.HALF;
	}

	/** 第 n 页 共 m 页 at the foot of every page, once the number of pages is known. */
	private static void numberPages(PDDocument document, Typesetter t) {
		int total = document.getNumberOfPages();
		int n = 0;
		for (PDPage page : document.getPages()) {
			n++;
			t.appendTo(page);
			t.centered(t.pageHeight() - 22, 8, "第 " + n + " 页　共 " + total + " 页");
		}
		t.endPage();
	}

	private void eachPage(String orgCode, int year, Consumer<List<RegisterEntry>> consumer) {
		int after = 0;
		while (true) {
			List<RegisterEntry> entries = this.register.book(orgCode, year, after, PAGE);
			if (entries.isEmpty()) {
				return;
			}
			consumer.accept(entries);
			after = entries.get(entries.size() - 1).getSerialNo();
		}
	}

	private Map<String, String> departmentNames(String orgCode) {
		Map<String, String> names = new java.util.HashMap<>();
		for (Department department : this.orgs.departments(orgCode)) {
			names.put(department.getCode(), department.getName());
		}
		return names;
	}

	static List<String> seedValues(RegisterEntry e, Map<String, String> departments) {
		return List.of(String.valueOf(e.getSerialNo()), text(e.getReporterName()), text(e.getReporterAddress()),
				date(e.getReportedOn()), text(e.getSummary()), handling(e, departments),
				text(Actor.name(e.getHandler())), (e.getFeedbackMethod() != null) ? e.getFeedbackMethod().label() : "",
				date(e.getFeedbackOn()), text(e.getFeedbackSignedBy()), e.isStruckOff() ? "已销号" : "未销号",
				text(e.getRemarks()));
	}

	static List<String> ourValues(RegisterEntry e, Map<String, String> departments) {
		return List.of(e.caseNumber().display(), text(e.getReporterUnit()), text(e.getReporterPhone()),
				e.getChannel().label(), e.getKind().label(), (e.getScope() != null) ? e.getScope().label() : "",
				(e.getRoute() != null) ? e.getRoute().label() : "",
				(e.getDepartmentCode() != null) ? departments.getOrDefault(e.getDepartmentCode(), e.getDepartmentCode())
						: "",
				date(e.getDueOn()), e.isOverdue() ? "是" : "否",
				(e.getSatisfied() == null) ? "" : (e.getSatisfied() ? "满意" : "不满意"),
				String.valueOf(e.getReturnedCount()), String.valueOf(e.getExtendedCount()),
				String.valueOf(e.getSentBackCount()), date(e.getStruckOffOn()), text(e.getHandlingOpinion()));
	}

	/** 处理意见及结果: the route taken and its result, or where the case is. */
	private static String handling(RegisterEntry e, Map<String, String> departments) {
		if (e.getRoute() == null) {
			return "待研判";
		}
		String route = e.getRoute().label();
		if (e.getDepartmentCode() != null && e.getRoute().name().equals("ENTERPRISE")) {
			route += "（" + departments.getOrDefault(e.getDepartmentCode(), e.getDepartmentCode()) + "）";
		}
		if (e.getResultText() != null) {
			return route + "：" + e.getResultText();
		}
		return route + (e.isStruckOff() ? "" : "，办理中" + ((e.getDueOn() != null) ? "（限" + e.getDueOn() + "前）" : ""));
	}

	private static String text(String value) {
		return (value == null) ? "" : value;
	}

	private static String date(LocalDate day) {
		return (day == null) ? "" : day.toString();
	}

	private static int columnWidth(String heading) {
		return switch (heading) {
			case "反映问题的主要内容", "处理意见及结果", "办理记录", "备注" -> 40;
			case "家庭住址" -> 24;
			case "案件编号" -> 18;
			default -> 12;
		};
	}

	private static void bordered(CellStyle style) {
		style.setBorderTop(BorderStyle.THIN);
		style.setBorderBottom(BorderStyle.THIN);
		style.setBorderLeft(BorderStyle.THIN);
		style.setBorderRight(BorderStyle.THIN);
	}

	/** The register's table on landscape pages, its heading repeated on each. */
	private static final class Table {

		private final Typesetter t;

		private final String orgName;

		private final int year;

		float y;

		int rows;

		Table(Typesetter t, String orgName, int year) {
			this.t = t;
			this.orgName = orgName;
			this.year = year;
		}

		void start() {
			this.t.newPage(Typesetter.A4_LANDSCAPE);
			this.t.centered(24, 18, "员工意见办理情况登记簿");
			this.t.text(PDF_MARGIN, 52, 10, "单位：" + this.orgName);
			this.t.rightAligned(this.t.pageWidth() - PDF_MARGIN, 52, 10, this.year + "年");
			this.y = 70;
			heading();
		}

		private void heading() {
			this.y = cells(wrapped(SEED_COLUMNS), this.y, true);
		}

		void row(List<String> values) {
			List<List<String>> lines = wrapped(values.stream()
				.map((v) -> (v.length() > PDF_CELL_MAX) ? v.substring(0, PDF_CELL_MAX) + "……" : v)
				.toList());
			if (this.y + height(lines) > this.t.pageHeight() - 40) {
				this.t.newPage(Typesetter.A4_LANDSCAPE);
				this.y = 30;
				heading();
			}
			this.y = cells(lines, this.y, false);
			this.rows++;
		}

		/** Each cell's lines at its column's width, wrapped once. */
		private List<List<String>> wrapped(List<String> values) {
			List<List<String>> lines = new ArrayList<>(values.size());
			for (int i = 0; i < values.size(); i++) {
				lines.add(this.t.wrap(values.get(i), CELL_FONT, PDF_WIDTHS[i] - 4, 0));
			}
			return lines;
		}

		private static float height(List<List<String>> cells) {
			int lines = 1;
			for (List<String> cell : cells) {
				lines = Math.max(lines, cell.size());
			}
			return lines * CELL_LEADING + 6;
		}

		private float cells(List<List<String>> cells, float top, boolean bold) {
			float height = height(cells);
			float x = PDF_MARGIN;
			for (int i = 0; i < cells.size(); i++) {
				this.t.rectangle(x, top, PDF_WIDTHS[i], height, bold ? 0.8f : 0.4f);
				float lineY = top + 3;
				for (String line : cells.get(i)) {
					if (!line.isEmpty()) {
						this.t.text(x + 2, lineY, CELL_FONT, line);
					}
					lineY += CELL_LEADING;
				}
				x += PDF_WIDTHS[i];
			}
			return top + height;
		}

	}

}
