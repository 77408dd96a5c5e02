package cn.liangxin.opinions.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import cn.liangxin.opinions.report.MonthlyFigures;
import cn.liangxin.opinions.report.MonthlyReports.Report;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The monthly report as a workbook and as a PDF: a committee's report (one row per
 * organization and the total, the matters open longest, the committee's remarks), and the
 * district's month (one row per committee and the district total).
 */
@Component
class MonthlyReportDocuments {

	/** The columns of the figures, in order. */
	static final List<String> COLUMNS = List.of("组织", "收到", "当场解决/解释", "交部门", "上报", "办结销号", "月末未结", "其中逾期", "延期", "退单",
			"按期办结", "到期办结", "满意", "反馈");

	private final DocumentFonts fonts;

	MonthlyReportDocuments(DocumentFonts fonts) {
		this.fonts = fonts;
	}

	/** The district's total of a month's reports. */
	record Total(long received, long concluded, long openAtEnd, long overdueAtEnd, long extended, long returned,
			long done, long onTime, long fedBack, long satisfied) {
	}

	static Total total(List<Report> reports) {
		long[] n = new long[10];
		for (Report report : reports) {
			List<String> v = values(report.figures().total());
			MonthlyFigures.Org t = report.figures().total();
			n[0] += t.received();
			n[1] += t.concluded();
			n[2] += t.openAtEnd();
			n[3] += t.overdueAtEnd();
			n[4] += t.extended();
			n[5] += t.returned();
			n[6] += Long.parseLong(v.get(10));
			n[7] += Long.parseLong(v.get(11));
			n[8] += t.fedBack();
			n[9] += t.satisfied();
		}
		return new Total(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9]);
	}

	/** One organization's (or the total's) row. */
	static List<String> values(MonthlyFigures.Org org) {
		long onSpot = org.byRoute().getOrDefault("当场解决", 0L) + org.byRoute().getOrDefault("解释说明", 0L);
		long done = org.onTime().stream().mapToLong(MonthlyFigures.StageOnTime::done).sum();
		long onTime = org.onTime().stream().mapToLong(MonthlyFigures.StageOnTime::onTime).sum();
		return List.of(org.orgName(), String.valueOf(org.received()), String.valueOf(onSpot),
				String.valueOf(org.byRoute().getOrDefault("交企业相关部门办理", 0L)),
				String.valueOf(org.byRoute().getOrDefault("上报主管党（工）委协调", 0L)), String.valueOf(org.concluded()),
				String.valueOf(org.openAtEnd()), String.valueOf(org.overdueAtEnd()), String.valueOf(org.extended()),
				String.valueOf(org.returned()), String.valueOf(done), String.valueOf(onTime),
				String.valueOf(org.satisfied()), String.valueOf(org.fedBack()));
	}

	byte[] xlsx(Report report) {
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			Sheet sheet = book.createSheet(report.month());
			int r = 0;
			sheet.createRow(r++)
				.createCell(0)
				.setCellValue(report.committeeName() + " " + report.month() + " 员工意见办理情况月度报告" + (report.submitted()
						? "（" + report.submittedBy() + "已上报）" : "（待上报，期限" + report.dueOn() + "）"));
			r = table(sheet, r, COLUMNS);
			for (MonthlyFigures.Org org : report.figures().organizations()) {
				r = table(sheet, r, values(org));
			}
			r = table(sheet, r, values(report.figures().total()));
			r++;
			sheet.createRow(r++).createCell(0).setCellValue("未结时间最长的事项");
			r = table(sheet, r, List.of("案件编号", "组织", "反映时间", "事项", "环节", "期限"));
			for (MonthlyFigures.OpenCase open : report.figures().longestOpen()) {
				r = table(sheet, r, openRow(open));
			}
			r++;
			sheet.createRow(r)
				.createCell(0)
				.setCellValue("报告说明：" + ((report.remarks() != null) ? report.remarks() : ""));
			return bytes(book);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	byte[] districtXlsx(String month, List<Report> reports) {
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			Sheet sheet = book.createSheet(month);
			int r = 0;
			sheet.createRow(r++).createCell(0).setCellValue("全区 " + month + " 员工意见办理情况月度汇总");
			List<String> columns = new ArrayList<>(COLUMNS);
			columns.set(0, "主管党（工）委");
			columns.add("是否已上报");
			r = table(sheet, r, columns);
			for (Report report : reports) {
				List<String> row = new ArrayList<>(values(report.figures().total()));
				row.set(0, report.committeeName());
				row.add(report.submitted() ? "已上报" : "未上报");
				r = table(sheet, r, row);
			}
			return bytes(book);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	byte[] pdf(Report report) {
		return pdf(report.committeeName() + " " + report.month() + " 员工意见办理情况月度报告", (t, y) -> {
			float at = row(t, y, COLUMNS, true);
			for (MonthlyFigures.Org org : report.figures().organizations()) {
				at = row(t, at, values(org), false);
			}
			at = row(t, at, values(report.figures().total()), true);
			at += 16;
			t.text(30, at, 11, "未结时间最长的事项");
			at += 18;
			for (MonthlyFigures.OpenCase open : report.figures().longestOpen()) {
				t.text(30, at, 9, String.join("　", openRow(open)));
				at += 14;
			}
			at += 10;
			t.paragraph(30, at, t.pageWidth() - 60, 10, 15, 0,
					"报告说明：" + ((report.remarks() != null) ? report.remarks() : "（无）") + "　"
							+ (report.submitted() ? report.submittedBy() + "已上报" : "待上报，期限" + report.dueOn()));
		});
	}

	byte[] districtPdf(String month, List<Report> reports) {
		return pdf("全区 " + month + " 员工意见办理情况月度汇总", (t, y) -> {
			List<String> columns = new ArrayList<>(COLUMNS);
			columns.set(0, "主管党（工）委");
			float at = row(t, y, columns, true);
			for (Report report : reports) {
				List<String> values = new ArrayList<>(values(report.figures().total()));
				values.set(0, report.committeeName() + (report.submitted() ? "" : "（未上报）"));
				at = row(t, at, values, false);
			}
		});
	}

	private interface Body {

		void draw(Typesetter t, float y);

	}

	private byte[] pdf(String title, Body body) {
		try (PDDocument document = new PDDocument()) {
			document.getDocumentInformation().setTitle(title);
			try (Typesetter t = new Typesetter(document, this.fonts)) {
				t.newPage(Typesetter.A4_LANDSCAPE);
				t.centered(24, 16, title);
				body.draw(t, 60);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A row of the figures' table: the first column wide, the numbers narrow. */
	private static float row(Typesetter t, float y, List<String> values, boolean bold) {
		float x = 30;
		float height = 18;
		for (int i = 0; i < values.size(); i++) {
			float width = (i == 0) ? 190 : 42;
			t.rectangle(x, y, width, height, bold ? 0.8f : 0.4f);
			String text = values.get(i);
			float size = 8;
			while (t.width(text, size) > width - 4 && size > 5) {
				size -= 0.5f;
			}
			t.text(x + 2, y + 4, size, text);
			x += width;
		}
		return y + height;
	}

	private static List<String> openRow(MonthlyFigures.OpenCase open) {
		return List.of(open.caseNoDisplay(), open.orgName(), open.reportedOn().toString(), open.summary(),
				(open.stage() != null) ? open.stage() : "",
				(open.dueOn() != null) ? open.dueOn() + (open.overdue() ? "（逾期）" : "") : "");
	}

	private static int table(Sheet sheet, int r, List<String> values) {
		Row row = sheet.createRow(r);
		for (int i = 0; i < values.size(); i++) {
			row.createCell(i).setCellValue(values.get(i));
		}
		return r + 1;
	}

	private static byte[] bytes(XSSFWorkbook book) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		book.write(out);
		return out.toByteArray();
	}

}
