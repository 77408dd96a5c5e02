package cn.liangxin.opinions.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import cn.liangxin.opinions.documents.DocumentFonts.Which;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Draws text and lines on the pages of one document, measured from the top left corner of
 * the page in points. Text is split into runs of the Latin and the Chinese font
 * ({@link DocumentFonts}); a character neither has is drawn as "?".
 */
final class Typesetter implements AutoCloseable {

	static final PDRectangle A4 = PDRectangle.A4;

	static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

	private final PDDocument document;

	private final DocumentFonts fonts;

	private final DocumentFonts.Loaded loaded;

	private PDPageContentStream content;

	private PDRectangle size;

	private final java.util.Map<Integer, Float> unitWidths = new java.util.HashMap<>();

	private final java.util.Map<Integer, Which> fontOf = new java.util.HashMap<>();

	Typesetter(PDDocument document, DocumentFonts fonts) {
		this.document = document;
		this.fonts = fonts;
		this.loaded = fonts.load(document);
	}

	void newPage(PDRectangle pageSize) {
		endPage();
		PDPage page = new PDPage(pageSize);
		this.document.addPage(page);
		this.size = pageSize;
		try {
			this.content = new PDPageContentStream(this.document, page);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Draws over a page already made (e.g. its number, once the pages are counted). */
	void appendTo(PDPage page) {
		endPage();
		this.size = page.getMediaBox();
		try {
			this.content = new PDPageContentStream(this.document, page, PDPageContentStream.AppendMode.APPEND, true,
					true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	float pageWidth() {
		return this.size.getWidth();
	}

	float pageHeight() {
		return this.size.getHeight();
	}

	/** Draws one line of text with its top at y. */
	void text(float x, float y, float fontSize, String text) {
		try {
			float baseline = this.size.getHeight() - y - fontSize * 0.88f;
			float at = x;
			for (Run run : runs(text)) {
				this.content.beginText();
				this.content.setFont(this.loaded.of(run.font()), fontSize);
				this.content.newLineAtOffset(at, baseline);
				this.content.showText(run.text());
				this.content.endText();
				at += width(run, fontSize);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void centered(float y, float fontSize, String text) {
		text((this.size.getWidth() - width(text, fontSize)) / 2, y, fontSize, text);
	}

	void rightAligned(float right, float y, float fontSize, String text) {
		text(right - width(text, fontSize), y, fontSize, text);
	}

	/**
	 * Draws text wrapped to the width, the first line indented; returns the y below it.
	 */
	float paragraph(float x, float y, float width, float fontSize, float leading, float indent, String text) {
		float at = y;
		boolean first = true;
		for (String line : wrap(text, fontSize, width, indent)) {
			text(x + (first ? indent : 0), at, fontSize, line);
			at += leading;
			first = false;
		}
		return at;
	}

	/**
	 * The text's lines at this width (the first shorter by the indent); newlines kept.
	 */
	List<String> wrap(String text, float fontSize, float width, float indent) {
		List<String> lines = new ArrayList<>();
		for (String paragraph : text.split("\n", -1)) {
			StringBuilder line = new StringBuilder();
			float used = 0;
			float room = width - (lines.isEmpty() ? indent : 0);
			int i = 0;
			while (i < paragraph.length()) {
				int codePoint = paragraph.codePointAt(i);
				String character = new String(Character.toChars(codePoint));
				float w = unitWidth(codePoint) * fontSize;
				if (used + w > room && !line.isEmpty() && !closesALine(codePoint)) {
					lines.add(line.toString());
					line.setLength(0);
					used = 0;
					room = width;
				}
				line.append(character);
				used += w;
				i += Character.charCount(codePoint);
			}
			lines.add(line.toString());
		}
		return lines;
	}

	/** Chinese punctuation stays at the end of its line rather than opening the next. */
	private static boolean closesALine(int codePoint) {
		return "，。、；：？！）》」』”’".indexOf(codePoint) >= 0;
	}

	float width(String text, float fontSize) {
		float total = 0;
		int i = 0;
		while (i < text.length()) {
			int codePoint = text.codePointAt(i);
			total += unitWidth(codePoint);
			i += Character.charCount(codePoint);
		}
		return total * fontSize;
	}

	private float width(Run run, float fontSize) {
		return width(run.text(), fontSize);
	}

	/**
	 * A character's width at size 1, measured once per document (a book measures
	 * millions).
	 */
	private float unitWidth(int codePoint) {
		Float known = this.unitWidths.get(codePoint);
		if (known != null) {
			return known;
		}
		Which font = fontFor(codePoint);
		String character = (font != null) ? new String(Character.toChars(normalized(codePoint))) : "?";
		try {
			float width = this.loaded.of((font != null) ? font : Which.LATIN).getStringWidth(character) / 1000;
			this.unitWidths.put(codePoint, width);
			return width;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Which fontFor(int codePoint) {
		Which font = this.fontOf.computeIfAbsent(normalized(codePoint), (cp) -> {
			Which found = this.fonts.fontFor(cp);
			return (found != null) ? found : Which.NONE;
		});
		return (font != Which.NONE) ? font : null;
	}

	private static int normalized(int codePoint) {
		return (codePoint == '\t' || codePoint == '\r') ? ' ' : codePoint;
	}

	void line(float x1, float y1, float x2, float y2, float lineWidth) {
		try {
			this.content.setLineWidth(lineWidth);
			this.content.moveTo(x1, this.size.getHeight() - y1);
			this.content.lineTo(x2, this.size.getHeight() - y2);
			this.content.stroke();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void dashedLine(float x1, float y, float x2) {
		try {
			this.content.setLineDashPattern(new float[] { 6, 4 }, 0);
			line(x1, y, x2, y, 0.8f);
			this.content.setLineDashPattern(new float[] {}, 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void rectangle(float x, float y, float width, float height, float lineWidth) {
		try {
			this.content.setLineWidth(lineWidth);
			this.content.addRect(x, this.size.getHeight() - y - height, width, height);
			this.content.stroke();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void endPage() {
		if (this.content != null) {
			try {
				this.content.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.content = null;
		}
	}

	@Override
	public void close() {
		endPage();
	}

	private record Run(Which font, String text) {
	}

	private List<Run> runs(String text) {
		List<Run> runs = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		Which currentFont = null;
		int i = 0;
		while (i < text.length()) {
			int codePoint = text.codePointAt(i);
			i += Character.charCount(codePoint);
			codePoint = normalized(codePoint);
			Which font = fontFor(codePoint);
			String character = new String(Character.toChars(codePoint));
			if (font == null) {
				font = Which.LATIN;
				character = "?";
			}
			if (font != currentFont && !current.isEmpty()) {
				runs.add(new Run(currentFont, current.toString()));
				current.setLength(0);
			}
			currentFont = font;
			current.append(character);
		}
		if (!current.isEmpty()) {
			runs.add(new Run(currentFont, current.toString()));
		}
		return runs;
	}

}
