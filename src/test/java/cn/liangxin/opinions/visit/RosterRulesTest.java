package cn.liangxin.opinions.visit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import cn.liangxin.opinions.validation.FieldError;
import cn.liangxin.opinions.validation.InvalidInputException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The roster file as the branch prepares it (CSV from any editor, XLSX from Excel) and
 * the rules each line keeps, every broken one named with its line and column.
 */
class RosterRulesTest {

	static final String HEADER = "工号,姓名,性别,年龄,车间/岗位,片区,手机,特殊困难,困难情况,党员,联系党员工号,分管片区\n";

	@Test
	void aGoodFileGivesEveryEmployeeWithTheirContactAndBlock() {
		RosterRules.Checked checked = check(HEADER + """
				D001,张伟,男,45,装配车间/班长,一片区,13800000001,,,是,,一片区
				D002,王秀英,女,38,装配车间/操作工,一片区,13800000002,是,丈夫重病,否,D001,
				D003,"李娜,小",女,,仓库,一片区,,否,,否,D001,
				""");

		assertThat(checked.errors()).isEmpty();
		assertThat(checked.rows()).extracting(EmployeeRow::staffNo).containsExactly("D001", "D002", "D003");
		EmployeeRow wang = checked.rows().get(1);
		assertThat(wang.sex()).isEqualTo("F");
		assertThat(wang.age()).isEqualTo(38);
		assertThat(wang.specialDifficulty()).isTrue();
		assertThat(wang.difficultyNote()).isEqualTo("丈夫重病");
		assertThat(wang.contactStaffNo()).isEqualTo("D001");
		assertThat(wang.line()).isEqualTo(3);
		assertThat(checked.rows().get(2).name()).isEqualTo("李娜,小");
		assertThat(checked.rows().get(0).leads()).containsExactly("一片区");
	}

	@Test
	void everyBrokenRuleIsReportedWithItsLineAndColumnAndNoRowIsKept() {
		RosterRules.Checked checked = check(HEADER + """
				D001,张伟,男,45,装配车间,一片区,13800000001,,,是,,一片区
				D002,,女,38,装配车间,一片区,,,,否,D001,

				D003,刘强,未知,200,装配车间,一片区,abc,也许,,否,D002,
				D001,赵敏,女,30,仓库,二片区,,,,否,D009,
				""");

		assertThat(checked.rows()).isEmpty();
		assertThat(checked.errors()).extracting(FieldError::line, FieldError::field)
			.contains(org.assertj.core.groups.Tuple.tuple(3, "name"), org.assertj.core.groups.Tuple.tuple(5, "sex"),
					org.assertj.core.groups.Tuple.tuple(5, "age"), org.assertj.core.groups.Tuple.tuple(5, "phone"),
					org.assertj.core.groups.Tuple.tuple(5, "specialDifficulty"),
					org.assertj.core.groups.Tuple.tuple(6, "staffNo"));
		assertThat(checked.errors()).extracting(FieldError::message)
			.contains("第3行「姓名」：姓名不能为空", "第5行「性别」：性别只能填“男”或“女”", "第6行「工号」：工号 D001 已在第2行出现过");
	}

	@Test
	void aContactMustBeAPartyMemberOfTheRosterAndABlockHasOneLeader() {
		RosterRules.Checked checked = check(HEADER + """
				D001,张伟,男,45,装配车间,一片区,,,,是,,一片区
				D002,王秀英,女,38,装配车间,一片区,,,,否,D003,
				D003,李强,男,40,仓库,二片区,,,,否,D001,二片区
				D004,周杰,男,41,仓库,二片区,,,,是,,一片区、三片区
				D005,吴敏,女,29,仓库,二片区,,,,否,D009,
				""");

		assertThat(checked.errors()).extracting(FieldError::message)
			.containsExactlyInAnyOrder("第4行「分管片区」：只有党员可以分管片区（本行“党员”一栏不是“是”）", "第3行：联系党员工号 D003 不是党员",
					"第6行：联系党员工号 D009 不在花名册里", "第5行：片区「一片区」已由第2行的张伟分管", "第5行：片区「三片区」里没有员工（“片区”一栏没有人填它）");
	}

	@Test
	void aMergingImportMayNameContactsAlreadyOnTheRoster() {
		RosterRules.Checked checked = RosterRules.check(RosterTable.read("r.csv", utf8(HEADER + """
				D010,新员工,男,22,装配车间,一片区,,,,否,D001,
				""")), Set.of("D001"), Set.of("一片区"));

		assertThat(checked.errors()).isEmpty();
	}

	@Test
	void aHeaderWithoutTheRequiredColumnsIsRefusedOnLineOne() {
		RosterRules.Checked checked = check("姓名,手机,入职日期\n张伟,13800000001,2020-01-01\n");

		assertThat(checked.errors()).extracting(FieldError::field, FieldError::line)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("staffNo", 1),
					org.assertj.core.groups.Tuple.tuple("sex", 1));
		assertThat(checked.ignoredColumns()).containsExactly("入职日期");
	}

	@Test
	void excelsChineseCsvInGb18030AndAByteOrderMarkAreRead() {
		String text = HEADER + "D001,张伟,男,45,装配车间,一片区,,,,是,,\n";
		byte[] gbk = text.replace("\n", "\r\n").getBytes(Charset.forName("GB18030"));
		byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);

		assertThat(RosterTable.read("花名册.csv", gbk).lines().get(0).cells()).startsWith("D001", "张伟", "男");
		assertThat(RosterTable.read("花名册.csv", bom).headers().get(0)).isEqualTo("工号");
	}

	@Test
	void anXlsxSheetIsReadWithTheRowNumbersExcelShowsAndNumbersAsTyped() throws Exception {
		byte[] xlsx = xlsx(List.of(List.of("工号", "姓名", "性别", "手机", "年龄"), List.of(), List.of("1001", "张伟", "男"),
				List.of(1002.0, "王芳", "女", 13800000002.0, 38.0)));

		RosterTable table = RosterTable.read("花名册.xlsx", xlsx);

		assertThat(table.lines()).extracting(RosterTable.Line::number).containsExactly(3, 4);
		assertThat(table.lines().get(1).cells()).containsExactly("1002", "王芳", "女", "13800000002", "38");
	}

	@Test
	void anOldExcelFileOrAnEmptyOneIsRefusedSayingWhatToDo() {
		byte[] ole2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };

		assertThatThrownBy(() -> RosterTable.read("花名册.xls", ole2)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("另存为 .xlsx 或 CSV");
		assertThatThrownBy(() -> RosterTable.read("花名册.csv", new byte[0])).hasMessageContaining("空的");
		assertThatThrownBy(
				() -> RosterTable.read("x.xlsx", "PK\u0003\u0004broken".getBytes(StandardCharsets.ISO_8859_1)))
			.hasMessageContaining("无法读取这个 Excel 文件");
	}

	static RosterRules.Checked check(String csv) {
		return RosterRules.check(RosterTable.read("花名册.csv", utf8(csv)), Set.of(), Set.of());
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] xlsx(List<List<Object>> rows) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("花名册");
			for (int r = 0; r < rows.size(); r++) {
				if (rows.get(r).isEmpty()) {
					continue;
				}
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					Object value = rows.get(r).get(c);
					if (value instanceof Double number) {
						row.createCell(c).setCellValue(number);
					}
					else {
						row.createCell(c).setCellValue((String) value);
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

}
