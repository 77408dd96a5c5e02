package cn.liangxin.opinions.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * The two fonts every document embeds (as subsets): DejaVu Sans for Latin letters, digits
 * and signs, Droid Sans Fallback for Chinese. Both ship in {@code fonts/} with their
 * licences, so a PDF renders the same on a machine without Chinese fonts. The files are
 * read once; each document parses its own copy, because a font being subset belongs to
 * one document.
 */
@Component
public class DocumentFonts {

	private static final String LATIN = "fonts/DejaVuSans.ttf";

	private static final String CHINESE = "fonts/DroidSansFallbackFull.ttf";

	private final byte[] latin;

	private final byte[] chinese;

	private final CmapLookup latinGlyphs;

	private final CmapLookup chineseGlyphs;

	public DocumentFonts() {
		this.latin = read(LATIN);
		this.chinese = read(CHINESE);
		this.latinGlyphs = glyphs(this.latin);
		this.chineseGlyphs = glyphs(this.chinese);
	}

	/** The fonts loaded into a document, to be embedded as subsets when it is saved. */
	Loaded load(PDDocument document) {
		try {
			return new Loaded(PDType0Font.load(document, parse(this.latin), true),
					PDType0Font.load(document, parse(this.chinese), true));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Which font draws a character: DejaVu for what it has below the CJK blocks, Droid
	 * for the rest; {@code null} if neither has it.
	 */
	Which fontFor(int codePoint) {
		synchronized (this) {
			if (codePoint < 0x2E80 && this.latinGlyphs.getGlyphId(codePoint) != 0) {
				return Which.LATIN;
			}
			if (this.chineseGlyphs.getGlyphId(codePoint) != 0) {
				return Which.CHINESE;
			}
			return (this.latinGlyphs.getGlyphId(codePoint) != 0) ? Which.LATIN : null;
		}
	}

	enum Which {

		LATIN, CHINESE,
		/** Neither font has the character (a lookup's answer, never a font). */
		NONE

	}

	record Loaded(PDType0Font latin, PDType0Font chinese) {

		PDType0Font of(Which which) {
			return (which == Which.LATIN) ? this.latin : this.chinese;
		}

	}

	private static CmapLookup glyphs(byte[] font) {
		try {
			return parse(font).getUnicodeCmapLookup();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static TrueTypeFont parse(byte[] bytes) {
		try {
			return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] read(String resource) {
		try (InputStream in = DocumentFonts.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("The font " + resource + " is missing from the application");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
