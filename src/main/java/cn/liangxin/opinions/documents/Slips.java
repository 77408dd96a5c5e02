package cn.liangxin.opinions.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.stereotype.Component;

/**
 * Lays out the two slips like attachments 3 (员工意见交办单) and 4 (员工意见办理情况反馈单) of seed 000:
 * the stub (存根联), which the branch keeps, above a cut line, and the slip below it, on one
 * A4 page. The register book prints the stubs alone ({@link #assignmentStub},
 * {@link #feedbackStub}).
 */
@Component
class Slips {

	static final float MARGIN = 64;

	/** The height of one half of the page: a stub or a slip. */
	static final float HALF = Typesetter.A4.getHeight() / 2;

	private static final float BODY = 13;

	private static final float LEADING = 23;

	private final DocumentFonts fonts;

	Slips(DocumentFonts fonts) {
		this.fonts = fonts;
	}

	byte[] assignmentSlip(SlipFacts slip) {
		return page("员工意见交办单 " + slip.number(), (t) -> {
			assignmentStub(t, 0, slip);
			cutLine(t);
			assignmentPart(t, HALF, slip, false);
		});
	}

	byte[] feedbackSlip(SlipFacts slip) {
		return page("员工意见办理情况反馈单 " + slip.number(), (t) -> {
			feedbackStub(t, 0, slip);
			cutLine(t);
			feedbackPart(t, HALF, slip);
		});
	}

	/** 交办单（存根联）: the slip's text with the department's signature of receipt. */
	void assignmentStub(Typesetter t, float top, SlipFacts slip) {
		assignmentPart(t, top, slip, true);
	}

	/** 反馈单（存根联）: what was done, with lines for the employee's signature. */
	void feedbackStub(Typesetter t, float top, SlipFacts slip) {
		float width = t.pageWidth() - 2 * MARGIN;
		float y = heading(t, top, "员工意见办理情况反馈单", true, slip.number());
		String text = slip.reporterName() + "员工于" + SlipFacts.date(slip.reportedOn()) + "反映的" + slip.matter()
				+ "一事，我支部经过处理（协调），已于" + SlipFacts.date(slip.resultOn()) + "办结。办理情况如下：";
		y = t.paragraph(MARGIN, y, width, BODY, LEADING, 2 * BODY, text);
		y = bounded(t, y, width, slip.result(), top + HALF - 150);
		y = seal(t, Math.max(y + 6, top + HALF - 150), slip);
		t.text(MARGIN, y + 4, BODY, "是否满意：＿＿＿＿＿＿＿＿");
		t.text(MARGIN + width / 2, y + 4, BODY, "反映人签字：＿＿＿＿＿＿＿＿");
		t.rightAligned(t.pageWidth() - MARGIN, y + 4 + LEADING, BODY, "    年    月    日");
	}

	private void assignmentPart(Typesetter t, float top, SlipFacts slip, boolean stub) {
		float width = t.pageWidth() - 2 * MARGIN;
		float y = heading(t, top, "员工意见交办单", stub, slip.number());
		t.text(MARGIN, y, BODY, slip.orgName() + slip.departmentName() + "：");
		y += LEADING;
		String who = (slip.reporterUnit() == null || slip.reporterUnit().isBlank()) ? "员工" + slip.reporterName()
				: slip.reporterUnit() + "的员工" + slip.reporterName();
		String text = who + "反映的" + slip.matter() + "一事，需由你部门办理（协助），望在" + SlipFacts.date(slip.dueOn())
				+ "前办理完毕，并回复。联系人：" + SlipFacts.orBlank(slip.contact(), 4) + "，联系电话："
				+ SlipFacts.orBlank(slip.phone(), 6) + "。";
		float last = top + HALF - (stub ? 150 : 120);
		List<String> lines = t.wrap(text, BODY, width, 2 * BODY);
		y = lines(t, y, lines, last);
		y = seal(t, Math.max(y + 6, last), slip);
		if (stub) {
			t.text(MARGIN, y + 4, BODY, "收件人签字：" + SlipFacts.orBlank(slip.signedBy(), 6));
			t.text(MARGIN + width / 2, y + 4, BODY,
					"签收时间：" + ((slip.signedAt() != null) ? SlipFacts.time(slip.signedAt()) : "    年  月  日"));
		}
	}

	private void feedbackPart(Typesetter t, float top, SlipFacts slip) {
		float width = t.pageWidth() - 2 * MARGIN;
		float y = heading(t, top, "员工意见办理情况反馈单", false, slip.number());
		t.text(MARGIN, y, BODY, slip.reporterName() + "：");
		y += LEADING;
		String text = "您于" + SlipFacts.date(slip.reportedOn()) + "反映的" + slip.matter() + "一事，我支部已于"
				+ SlipFacts.date(slip.resultOn()) + "办理结束。办理情况如下：";
		y = t.paragraph(MARGIN, y, width, BODY, LEADING, 2 * BODY, text);
		y = bounded(t, y, width, slip.result(), top + HALF - 160);
		y = t.paragraph(MARGIN, y, width, BODY, LEADING, 2 * BODY, "对以上办理情况有何意见和建议，请及时向我们反映。联系人："
				+ SlipFacts.orBlank(slip.contact(), 4) + "，联系电话：" + SlipFacts.orBlank(slip.phone(), 6) + "。");
		seal(t, Math.max(y + 6, top + HALF - 110), slip);
	}

	/** The title, 「（存根联）」 on a stub, and the number on the right; returns the y below. */
	private static float heading(Typesetter t, float top, String title, boolean stub, String number) {
		float y = top + 36;
		t.centered(y, 20, title);
		y += 30;
		if (stub) {
			t.centered(y, 12, "（存根联）");
			y += 20;
		}
		t.rightAligned(t.pageWidth() - MARGIN, y, 12, number);
		return y + 26;
	}

	/**
	 * The result, indented, cut short where the half page ends (the case file has it
	 * all).
	 */
	private static float bounded(Typesetter t, float y, float width, String text, float last) {
		return lines(t, y, t.wrap((text == null) ? "" : text, BODY, width, 2 * BODY), last);
	}

	private static float lines(Typesetter t, float y, List<String> lines, float last) {
		float at = y;
		int room = Math.max(1, (int) ((last - y) / LEADING));
		for (int i = 0; i < lines.size() && i < room; i++) {
			String line = lines.get(i);
			if (i == room - 1 && lines.size() > room) {
				line = line.substring(0, Math.max(0, line.length() - 8)) + "……（全文见案卷）";
			}
			t.text(MARGIN + ((i == 0) ? 2 * BODY : 0), at, BODY, line);
			at += LEADING;
		}
		return at;
	}

	/** 「（党组织盖章）」, the Party organization's name and the date, on the right. */
	private static float seal(Typesetter t, float y, SlipFacts slip) {
		float right = t.pageWidth() - MARGIN;
		t.rightAligned(right - 20, y, BODY, "（党组织盖章）");
		t.rightAligned(right, y + LEADING, BODY, slip.partyName());
		t.rightAligned(right, y + 2 * LEADING, BODY, SlipFacts.date(slip.printedOn()));
		return y + 3 * LEADING;
	}

	private static void cutLine(Typesetter t) {
		t.dashedLine(24, HALF, t.pageWidth() - 24);
		t.centered(HALF + 3, 8, "沿 此 线 剪 开");
	}

	private byte[] page(String title, java.util.function.Consumer<Typesetter> draw) {
		try (PDDocument document = new PDDocument()) {
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(title);
			info.setCreator("员工意见办理");
			try (Typesetter t = new Typesetter(document, this.fonts)) {
				t.newPage(Typesetter.A4);
				draw.accept(t);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
