// etalase-leads export, merge and stats, run as the organiser runs them: what they print, their
// exit status, and the files they leave.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include <sstream>

#include "export_test_leads.h"
#include "kiosk/export/jsonl_reader.h"
#include "test_support.h"

namespace etalase::exporting {
namespace {

namespace fs = std::filesystem;

struct ToolRun {
  int status = 0;
  std::string out;
  std::string err;
};

ToolRun tool(const fs::path& dir, const std::string& arguments) {
  ToolRun run;
  const fs::path errFile = dir / "stderr.txt";
  run.out = test::run(fmt::format("{} {} 2>{}", ETALASE_LEADS_EXECUTABLE, arguments,
                                  test::shellQuote(errFile.string())),
                      run.status);
  run.err = test::readFile(errFile);
  run.status = WIFEXITED(run.status) ? WEXITSTATUS(run.status) : -1;  // test::run gives pclose()'s
  return run;
}

std::string q(const fs::path& path) { return test::shellQuote(path.string()); }

std::vector<leads::Lead> jsonlLeads(const fs::path& file, LeadLinesSummary* header = nullptr) {
  std::vector<leads::Lead> leads;
  std::istringstream in(test::readFile(file));
  auto summary = readLeadLines(
      in, file.string(), [&](leads::Lead&& lead) { leads.push_back(std::move(lead)); },
      [](std::int64_t, const std::string& message) { ADD_FAILURE() << message; });
  EXPECT_TRUE(summary) << summary.error().text();
  if (summary && header) *header = summary.value();
  return leads;
}

std::vector<leads::Lead> threeDays() {
  std::vector<leads::Lead> leads = test::hostileLeads();
  leads.resize(3);
  leads[0].createdUtc = "2026-12-01T10:00:00.000Z";
  leads[1].createdUtc = "2026-12-02T01:00:00.000Z";
  leads[2].createdUtc = "2026-12-02T12:00:00.000Z";
  return leads;
}

TEST(OrganiserTool, ExportSinceADayOrATimeWithItsZone) {
  const fs::path dir = ::etalase::test::freshTempDirectory("tool-export-since");
  const auto leads = threeDays();
  { auto store = test::storeWith(dir / "leads.db", leads); }
  const fs::path out = dir / "since-day.jsonl";
  ToolRun run = tool(dir, fmt::format("export {} --since 2026-12-02 -o {}", q(dir / "leads.db"), q(out)));
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, fmt::format("wrote 2 leads to {} ({} bytes)\n", out.string(), fs::file_size(out)));
  EXPECT_EQ(jsonlLeads(out), (std::vector<leads::Lead>{leads[1], leads[2]}));

  // 09:00 in Jakarta is 02:00 UTC: the lead of 01:00 UTC is before it.
  const fs::path csv = dir / "since-time.csv";
  run = tool(dir, fmt::format("export {} --format csv --since 2026-12-02T09:00+07:00 -o {}",
                              q(dir / "leads.db"), q(csv)));
  ASSERT_EQ(run.status, 0) << run.err;
  const auto rows = test::parseCsv(test::readFile(csv));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][0], leads[2].uuid);

  run = tool(dir, fmt::format("export {} --since 2026-12-02T09:00 -o {}", q(dir / "leads.db"),
                              q(dir / "x.csv")));
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find("--since"), std::string::npos) << run.err;
  EXPECT_FALSE(fs::exists(dir / "x.csv"));
}

TEST(OrganiserTool, ExportErrorsNameTheFile) {
  const fs::path dir = ::etalase::test::freshTempDirectory("tool-export-errors");
  ToolRun run = tool(dir, fmt::format("export {} -o {}", q(dir / "no-such.db"), q(dir / "a.csv")));
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find((dir / "no-such.db").string()), std::string::npos) << run.err;
  EXPECT_FALSE(fs::exists(dir / "no-such.db")) << "a mistyped name creates no database";

  { auto store = test::storeWith(dir / "leads.db", threeDays()); }
  const fs::path unwritable = dir / "missing-folder" / "a.xlsx";
  run = tool(dir, fmt::format("export {} -o {}", q(dir / "leads.db"), q(unwritable)));
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find(unwritable.string()), std::string::npos) << run.err;

  run = tool(dir, fmt::format("export {} -o {}", q(dir / "leads.db"), q(dir / "leads.txt")));
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find("--format"), std::string::npos) << run.err;
}

TEST(OrganiserTool, ExportWithThePackNamesTheProducersInTheHeader) {
  const fs::path dir = ::etalase::test::freshTempDirectory("tool-export-pack");
  { auto store = test::storeWith(dir / "leads.db", threeDays()); }
  const fs::path out = dir / "leads.jsonl";
  const ToolRun run = tool(dir, fmt::format("export {} --pack {} --stand 'Batik Lasem' -o {}",
                                        q(dir / "leads.db"), q(::etalase::test::demoPack()), q(out)));
  ASSERT_EQ(run.status, 0) << run.err;
  LeadLinesSummary header;
  EXPECT_EQ(jsonlLeads(out, &header).size(), 3u);
  EXPECT_EQ(header.standName, "Batik Lasem");
  EXPECT_EQ(header.deviceId, "kiosk-07") << "the leads' own device id";
  EXPECT_EQ(header.producerOfProduct.at("teak-root-table"), "rembang-teakroot");
  EXPECT_EQ(header.producerNames.at("lasem-batik"), "Lasem Coastal Batik Studio");

  const ToolRun bad = tool(dir, fmt::format("export {} --pack {} -o {}", q(dir / "leads.db"),
                                        q(dir / "no-pack"), q(dir / "b.jsonl")));
  EXPECT_EQ(bad.status, 1);
  EXPECT_NE(bad.err.find("no-pack"), std::string::npos) << bad.err;
}

TEST(OrganiserTool, MergeReportsProblemsAndStillWritesTheRest) {
  const fs::path dir = ::etalase::test::freshTempDirectory("tool-merge");
  const auto leads = threeDays();
  test::writeLeads(ExportFormat::JsonLines, dir / "a.jsonl", leads);
  std::string damaged = test::readFile(dir / "a.jsonl");
  damaged.resize(damaged.size() - 30);  // cut short in the last lead
  test::writeFile(dir / "b.jsonl", damaged);
  test::writeFile(dir / "c.csv", "uuid,name\n1,wang.fang\n");
  const fs::path merged = dir / "merged.xlsx";
  ToolRun run = tool(dir, fmt::format("merge {} {} {} -o {}", q(dir / "a.jsonl"), q(dir / "b.jsonl"),
                                  q(dir / "c.csv"), q(merged)));
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.err.find((dir / "b.jsonl").string() + ":4: the last line is cut short"),
            std::string::npos) << run.err;
  EXPECT_NE(run.err.find((dir / "c.csv").string() + ":1: not an Etalase lead file"),
            std::string::npos) << run.err;
  EXPECT_NE(run.err.find("files read: 2 (1 refused)"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("leads read: 5"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("duplicates removed: 2"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("2 problems"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("wang.fang"), std::string::npos) << "no personal data: " << run.err;
  EXPECT_EQ(run.out, fmt::format("wrote 3 leads to {} ({} bytes)\n", merged.string(),
                                 fs::file_size(merged)));

  run = tool(dir, fmt::format("merge {} -o {}", q(dir / "c.csv"), q(dir / "nothing.csv")));
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find("nothing to merge"), std::string::npos) << run.err;
  EXPECT_FALSE(fs::exists(dir / "nothing.csv"));

  run = tool(dir, fmt::format("merge {} -o {}", q(dir / "a.jsonl"), q(dir / "merged.vcf")));
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find(".xlsx, .csv or .jsonl"), std::string::npos) << run.err;
}

TEST(OrganiserTool, MergeByProducerPrintsTheFilesItWrote) {
  const fs::path dir = ::etalase::test::freshTempDirectory("tool-merge-producers");
  leads::Lead lead = test::hostileLead(1);
  lead.productIds = {"batik-tulis-lasem", "teak-root-table"};
  WriterOptions options;
  options.producerOfProduct = {{"batik-tulis-lasem", "lasem-batik"},
                               {"teak-root-table", "rembang/teak root"}};
  test::writeLeads(ExportFormat::JsonLines, dir / "a.jsonl", {lead}, options);
  const ToolRun run = tool(dir, fmt::format("merge {} -o {} --by-producer {}", q(dir / "a.jsonl"),
                                        q(dir / "merged.csv"), q(dir / "producers")));
  ASSERT_EQ(run.status, 0) << run.err;
  const fs::path teak = dir / "producers" / "rembang-teak-root.csv";  // safe on a FAT stick
  EXPECT_NE(run.out.find(fmt::format("wrote 1 leads for lasem-batik to {}",
                                     (dir / "producers" / "lasem-batik.csv").string())),
            std::string::npos) << run.out;
  EXPECT_NE(run.out.find(fmt::format("wrote 1 leads for rembang/teak root to {}", teak.string())),
            std::string::npos) << run.out;
  const auto rows = test::parseCsv(test::readFile(teak));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][0], lead.uuid);
}

TEST(OrganiserTool, StatsCountsLeadsOnceFromExportsAndADatabase) {
  const fs::path dir = ::etalase::test::freshTempDirectory("tool-stats");
  auto leads = threeDays();
  leads[1].countryCode = "MY";
  leads[2].buyerType = "";
  WriterOptions options;
  options.standName = "Batik Lasem";
  test::writeLeads(ExportFormat::JsonLines, dir / "a.jsonl", leads, options);
  leads::Lead other = test::hostileLead(9);
  other.deviceId = "kiosk-09";
  other.createdUtc = "2026-12-02T15:00:00.000Z";
  other.productIds = {"pamekasan-coffee"};
  { auto store = test::storeWith(dir / "kiosk-09.db", {leads[0], other}); }
  const ToolRun run = tool(dir, fmt::format("stats {} {}", q(dir / "a.jsonl"), q(dir / "kiosk-09.db")));
  ASSERT_EQ(run.status, 0) << run.err;
  const std::string& text = run.out;
  EXPECT_NE(text.find("leads: 4 in 2 files (1 more copies"), std::string::npos) << text;
  const auto has = [&](const std::string& line) {
    EXPECT_NE(text.find(line + "\n"), std::string::npos) << "no line \"" << line << "\" in\n" << text;
  };
  has("per stand\n  Batik Lasem (kiosk-07)  3\n  kiosk-09                1");
  has("per country\n  CN  3\n  MY  1");
  has("  (none)    1");  // the buyer type left empty
  has("  importer  3");
  has("per day (UTC)\n  2026-12-01  1\n  2026-12-02  3");
  has("  pamekasan-coffee   1");
  has("  batik-tulis-lasem  2");
}

}  // namespace
}  // namespace etalase::exporting
