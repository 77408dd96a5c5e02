package cn.liangxin.opinions.visit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.liangxin.opinions.validation.FieldError;
import cn.liangxin.opinions.validation.InvalidInputException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An uploaded table as text: its header and its lines, each with the number the user's
 * editor shows (the CSV's line, the sheet's row). Read from a CSV file (UTF-8, with or
 * without BOM, or GB18030 as Excel saves CSV on Chinese Windows) or from the first sheet
 * of an XLSX workbook. Empty lines are skipped.
 */
record RosterTable(List<String> headers, List<Line> lines) {

	/**
	 * One line of the table: its number and its cells, trimmed, {@code ""} when empty.
	 */
	record Line(int number, List<String> cells) {

		String cell(int column) {
			return (column >= 0 && column < this.cells.size()) ? this.cells.get(column) : "";
		}

	}

	static final String FIELD = "file";

	/**
	 * Reads the file by its name's extension (.csv, .xlsx) or, failing that, its content.
	 */
	static RosterTable read(String filename, byte[] content) {
		if (content.length == 0) {
			throw new InvalidInputException(FIELD, "required", "上传的文件是空的");
		}
		String name = (filename != null) ? filename.toLowerCase(Locale.ROOT) : "";
		if (name.endsWith(".xls") || isOle2(content)) {
			throw new InvalidInputException(FIELD, "format", "不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV（UTF-8）后上传");
		}
		RosterTable table = (name.endsWith(".xlsx") || isZip(content)) ? xlsx(content) : csv(content);
		if (table.headers().stream().allMatch(String::isEmpty)) {
			throw new InvalidInputException(FIELD, "header", "文件第1行应是表头（工号、姓名、性别……），但它是空的");
		}
		return table;
	}

	static RosterTable csv(byte[] content) {
		String text = decode(content);
		List<Line> lines = new ArrayList<>();
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		int lineNo = 1;
		int recordStart = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					if (c == '\n') {
						lineNo++;
					}
					cell.append(c);
				}
			}
			else if (c == '"' && cell.toString().isBlank()) {
				cell.setLength(0);
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString().strip());
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				cells.add(cell.toString().strip());
				cell.setLength(0);
				addLine(lines, recordStart, cells);
				cells = new ArrayList<>();
				lineNo++;
				recordStart = lineNo;
			}
			else {
				cell.append(c);
			}
		}
		if (quoted) {
			throw new InvalidInputException(
					List.of(new FieldError(FIELD, "format", "第" + recordStart + "行的引号没有闭合，文件不完整", recordStart)));
		}
		cells.add(cell.toString().strip());
		addLine(lines, recordStart, cells);
		return split(lines);
	}

	static RosterTable xlsx(byte[] content) {
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			if (workbook.getNumberOfSheets() == 0) {
				throw new InvalidInputException(FIELD, "format", "工作簿里没有工作表");
			}
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter formatter = new DataFormatter(Locale.CHINA);
			List<Line> lines = new ArrayList<>();
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < row.getLastCellNum(); c++) {
					cells.add(text(row.getCell(c), formatter));
				}
				addLine(lines, row.getRowNum() + 1, cells);
			}
			return split(lines);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidInputException refusal) {
				throw refusal;
			}
			throw new InvalidInputException(FIELD, "format", "无法读取这个 Excel 文件（.xlsx），请确认文件完整，或另存为 CSV（UTF-8）后上传");
		}
	}

	/**
	 * A cell as the user sees it; whole numbers (staff numbers, phones) without ".0" or
	 * exponent.
	 */
	private static String text(Cell cell, DataFormatter formatter) {
		if (cell == null) {
			return "";
		}
		CellType type = (cell.getCellType() == CellType.FORMULA) ? cell.getCachedFormulaResultType()
				: cell.getCellType();
		if (type == CellType.NUMERIC && !org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
			BigDecimal number = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
			return number.scale() <= 0 ? number.toPlainString() : formatter.formatCellValue(cell);
		}
		return formatter.formatCellValue(cell).strip();
	}

	private static void addLine(List<Line> lines, int number, List<String> cells) {
		if (cells.stream().anyMatch((c) -> !c.isEmpty())) {
			lines.add(new Line(number, List.copyOf(cells)));
		}
	}

	private static RosterTable split(List<Line> lines) {
		if (lines.isEmpty()) {
			throw new InvalidInputException(FIELD, "required", "文件里没有内容：第1行应是表头，其后每行一名员工");
		}
		return new RosterTable(lines.get(0).cells(), List.copyOf(lines.subList(1, lines.size())));
	}

	/** UTF-8 (a BOM dropped) if the bytes are UTF-8, GB18030 otherwise. */
	private static String decode(byte[] content) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			return new String(content, Charset.forName("GB18030"));
		}
	}

	private static boolean isZip(byte[] content) {
		return content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
	}

	private static boolean isOle2(byte[] content) {
		return content.length > 7 && (content[0] & 0xFF) == 0xD0 && (content[1] & 0xFF) == 0xCF
				&& (content[2] & 0xFF) == 0x11 && (content[3] & 0xFF) == 0xE0;
	}

}
