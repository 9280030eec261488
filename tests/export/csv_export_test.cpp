// CSV for spreadsheets: hostile text comes back cell for cell through two independent readers
// (a parser of this test's own and Python's csv module), formulas are neutralised, and the
// file is RFC 4180 with CRLF line ends.
#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "export_test_leads.h"
#include "kiosk/export/csv_writer.h"
#include "test_support.h"

namespace etalase::exporting {
namespace {

namespace fs = std::filesystem;
using test::columnNames;
using test::hostileLeads;
using test::plainCells;

// What a neutralised cell holds: the value, with a quote in front if it starts like a formula.
std::string neutralised(const std::string& value) {
  const bool formula = !value.empty() && std::string_view("=+-@\t\r").find(value[0]) !=
                                             std::string_view::npos;
  return formula ? "'" + value : value;
}

std::vector<std::vector<std::string>> expectedRows(const std::vector<leads::Lead>& leads) {
  std::vector<std::vector<std::string>> rows{columnNames()};
  for (const leads::Lead& lead : leads) {
    std::vector<std::string> cells = plainCells(lead);
    for (std::string& cell : cells) cell = neutralised(cell);
    rows.push_back(cells);
  }
  return rows;
}

TEST(CsvExport, FieldsAreQuotedOnlyWhenNeededAndFormulasNeutralised) {
  const auto field = [](std::string_view value) {
    std::string out;
    appendCsvField(out, value);
    return out;
  };
  EXPECT_EQ(field("plain text"), "plain text");
  EXPECT_EQ(field(""), "");
  EXPECT_EQ(field("a,b"), "\"a,b\"");
  EXPECT_EQ(field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(field("cr\rhere"), "\"cr\rhere\"");
  EXPECT_EQ(field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(field("+6281234567890"), "\"'+6281234567890\"");  // E.164 too, as OWASP says
  EXPECT_EQ(field("-1"), "\"'-1\"");
  EXPECT_EQ(field("@SUM(A1)"), "\"'@SUM(A1)\"");
  EXPECT_EQ(field("\t=1"), "\"'\t=1\"");
  EXPECT_EQ(field("\r=1"), "\"'\r=1\"");
  EXPECT_EQ(field("a=1"), "a=1");  // only the first character matters
}

TEST(CsvExport, HostileLeadsReadBackCellForCellWithCrlfLineEnds) {
  const fs::path file = ::etalase::test::freshTempDirectory("csv-own-parser") / "leads.csv";
  test::writeLeads(ExportFormat::Csv, file, hostileLeads());
  const std::string text = test::readFile(file);
  EXPECT_NE(text.substr(0, 3), "\xEF\xBB\xBF") << "no byte order mark unless asked for";
  EXPECT_EQ(text.substr(0, 5), "uuid,");
  EXPECT_EQ(text.substr(text.size() - 2), "\r\n");
  EXPECT_EQ(test::parseCsv(text), expectedRows(hostileLeads()));
  // Every record ends in CRLF: the records' line ends are exactly the CRLFs outside quotes.
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') quoted = !quoted;
    if (!quoted && text[i] == '\n') {
      EXPECT_EQ(text[i - 1], '\r') << "bare LF at byte " << i;
    }
  }
}

TEST(CsvExport, PythonsCsvModuleReadsTheSameCells) {
  const fs::path dir = ::etalase::test::freshTempDirectory("csv-python");
  const fs::path file = dir / "leads.csv";
  WriterOptions options;
  options.csvByteOrderMark = true;
  test::writeLeads(ExportFormat::Csv, file, hostileLeads(), options);
  EXPECT_EQ(test::readFile(file).substr(0, 3), "\xEF\xBB\xBF");
  test::writeFile(dir / "read.py",
                  "import csv, json, sys\n"
                  "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
                  "    print(json.dumps(list(csv.reader(f, strict=True))))\n");
  int status = 0;
  const std::string output = test::run(
      test::python() + " " + test::shellQuote((dir / "read.py").string()) + " " +
          test::shellQuote(file.string()),
      status);
  ASSERT_EQ(status, 0) << output;
  const auto rows = nlohmann::json::parse(output).get<std::vector<std::vector<std::string>>>();
  EXPECT_EQ(rows, expectedRows(hostileLeads()));
}

TEST(CsvExport, LibreOfficeOpensItAsTextWithNoFormulaEvaluated) {
  const std::string office = test::libreOffice();
  if (office.empty()) {
    GTEST_SKIP() << "LibreOffice (soffice) is not installed: apt-get install "
                    "libreoffice-calc-nogui to read the CSV back";
  }
  const fs::path dir = ::etalase::test::freshTempDirectory("csv-libreoffice");
  const fs::path file = dir / "leads.csv";
  WriterOptions options;
  options.csvByteOrderMark = true;  // as staff export it for Excel
  test::writeLeads(ExportFormat::Csv, file, hostileLeads(), options);
  // Import as Calc does when a person opens the file (comma, double quote, UTF-8, formulas
  // evaluated: the 13th token), then save what the cells became as CSV again: a formula that
  // ran would come out as its result, not as the text that was stored.
  int status = 0;
  const std::string output = test::run(
      "cd " + test::shellQuote(dir.string()) + " && " + test::shellQuote(office) +
          " -env:UserInstallation=file://" + (dir / "office-profile").string() +
          " --headless --infilter='CSV:44,34,76,1,,0,false,true,false,false,false,-1,true'"
          " --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir " +
          test::shellQuote((dir / "out").string()) + " " + test::shellQuote(file.string()) +
          " 2>&1",
      status);
  ASSERT_EQ(status, 0) << output;
  std::vector<std::vector<std::string>> expected = expectedRows(hostileLeads());
  // Calc gives a cell's line break (CRLF or a lone CR) back as LF.
  for (auto& row : expected) {
    for (std::string& cell : row) {
      for (std::size_t at; (at = cell.find("\r\n")) != std::string::npos;) cell.erase(at, 1);
      std::replace(cell.begin(), cell.end(), '\r', '\n');
    }
  }
  const auto rows = test::parseCsv(test::readFile(dir / "out" / "leads.csv"));
  ASSERT_EQ(rows.size(), expected.size()) << output;
  for (std::size_t i = 0; i < rows.size(); ++i) EXPECT_EQ(rows[i], expected[i]) << "row " << i;
  EXPECT_EQ(rows[1][5], "王芳 (Wáng Fāng) 👩🏽‍💼, \"Boss\"") << "Chinese and emoji intact";
  EXPECT_EQ(rows[1][11], "'=HYPERLINK(\"http://x\")") << "the formula stays text";
  EXPECT_EQ(rows[1][9], "'+8613812345678") << "the phone stays text";
}

TEST(CsvExport, AnEmptyExportIsTheHeaderRowAlone) {
  const fs::path file = ::etalase::test::freshTempDirectory("csv-empty") / "leads.csv";
  test::writeLeads(ExportFormat::Csv, file, {});
  EXPECT_EQ(test::parseCsv(test::readFile(file)),
            std::vector<std::vector<std::string>>{columnNames()});
}

}  // namespace
}  // namespace etalase::exporting
