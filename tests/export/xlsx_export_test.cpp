// XLSX for spreadsheets: a whole zip whose cells are all typed text (no formula), and, where
// LibreOffice is installed, the cells as LibreOffice reads them: Chinese and emoji intact, the
// =HYPERLINK cell still text, an over-long cell cut to Excel's limit.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "export_test_leads.h"
#include "test_support.h"

namespace etalase::exporting {
namespace {

namespace fs = std::filesystem;

std::string runPython(const fs::path& dir, const std::string& script, const fs::path& file) {
  test::writeFile(dir / "check.py", script);
  int status = 0;
  const std::string output = test::run(test::python() + " " +
                                           test::shellQuote((dir / "check.py").string()) + " " +
                                           test::shellQuote(file.string()) + " 2>&1",
                                       status);
  EXPECT_EQ(status, 0) << output;
  return output;
}

TEST(XlsxExport, AZipWhoseSheetHoldsTextCellsAndNoFormula) {
  const fs::path dir = ::etalase::test::freshTempDirectory("xlsx-zip");
  const fs::path file = dir / "leads.xlsx";
  test::writeLeads(ExportFormat::Xlsx, file, test::hostileLeads());
  EXPECT_EQ(test::readFile(file).substr(0, 2), "PK");
  const std::string output = runPython(
      dir,
      "import json, sys, zipfile\n"
      "z = zipfile.ZipFile(sys.argv[1])\n"
      "assert z.testzip() is None\n"
      "sheet = z.read('xl/worksheets/sheet1.xml').decode('utf-8')\n"
      "book = z.read('xl/workbook.xml').decode('utf-8')\n"
      "print(json.dumps({'formula': '<f>' in sheet or '<f ' in sheet,\n"
      "                  'hyperlink': '<t>=HYPERLINK(\"http://x\")</t>' in sheet,\n"
      "                  'chinese': '王芳' in sheet, 'sheet': 'name=\"Leads\"' in book}))\n",
      file);
  const nlohmann::json found = nlohmann::json::parse(output);
  EXPECT_EQ(found["formula"], false);
  EXPECT_EQ(found["hyperlink"], true);
  EXPECT_EQ(found["chinese"], true);
  EXPECT_EQ(found["sheet"], true);
}

TEST(XlsxExport, LibreOfficeReadsEveryCellAsWritten) {
  const std::string office = test::libreOffice();
  if (office.empty()) {
    GTEST_SKIP() << "LibreOffice (soffice) is not installed: apt-get install "
                    "libreoffice-calc-nogui to read the XLSX back";
  }
  const fs::path dir = ::etalase::test::freshTempDirectory("xlsx-libreoffice");
  const fs::path file = dir / "leads.xlsx";
  std::vector<leads::Lead> leads = test::hostileLeads();
  leads::Lead odd = test::hostileLead(9);
  odd.rawCard.assign(40000, 'x');        // over Excel's 32,767 characters a cell
  odd.name = "bad \xff\xfe UTF-8 \xe6\xb8";  // not UTF-8: would break the sheet's XML
  leads.push_back(odd);
  test::writeLeads(ExportFormat::Xlsx, file, leads);

  // Filter options: comma, double quote, UTF-8 (76), from the first line.
  const std::string command = fmt::format(
      "cd {} && {} -env:UserInstallation=file://{} --headless --convert-to "
      "'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir {} {} 2>&1",
      test::shellQuote(dir.string()), test::shellQuote(office),
      (dir / "office-profile").string(), test::shellQuote((dir / "out").string()),
      test::shellQuote(file.string()));
  int status = 0;
  const std::string output = test::run(command, status);
  ASSERT_EQ(status, 0) << output;
  const auto rows = test::parseCsv(test::readFile(dir / "out" / "leads.csv"));
  ASSERT_EQ(rows.size(), leads.size() + 1) << output;
  EXPECT_EQ(rows[0], test::columnNames());
  // LibreOffice gives a cell's CRLF back as LF (the file has it: libxlsxwriter writes _x000D_).
  const auto withoutCr = [](std::string text) {
    for (std::size_t at; (at = text.find("\r\n")) != std::string::npos;) text.erase(at, 1);
    return text;
  };
  for (std::size_t i = 0; i + 1 < leads.size(); ++i) {
    std::vector<std::string> expected = test::plainCells(leads[i]);
    for (std::string& cell : expected) cell = withoutCr(cell);
    EXPECT_EQ(rows[i + 1], expected) << "lead " << i;
  }
  EXPECT_EQ(rows[1][5], "王芳 (Wáng Fāng) 👩🏽‍💼, \"Boss\"");  // name
  EXPECT_EQ(rows[1][11], "=HYPERLINK(\"http://x\")") << "the formula must stay text";
  const std::vector<std::string>& last = rows.back();
  // U+FFFD for each ill-formed part: two stray bytes, then a sequence cut short.
  const std::string replacement = "\xEF\xBF\xBD";
  EXPECT_EQ(last[5], "bad " + replacement + replacement + " UTF-8 " + replacement);
  EXPECT_EQ(last[18].size(), 32766u + 3u);  // 32,766 x and the ellipsis
  EXPECT_EQ(last[18].substr(32766), "\xE2\x80\xA6");
}

}  // namespace
}  // namespace etalase::exporting
