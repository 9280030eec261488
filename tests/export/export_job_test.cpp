// exportLeads: every format from a real store, the file appearing whole or not at all (cancel,
// errors), progress a UI can show, and names that a FAT stick takes.
#include "kiosk/export/export_job.h"

#include <gtest/gtest.h>

#include "export_test_leads.h"
#include "kiosk/export/export_file_name.h"
#include "kiosk/leads/synthetic_leads.h"
#include "test_support.h"

namespace etalase::exporting {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> filesIn(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

struct Stand {
  explicit Stand(const std::string& name, int synthetic = 0)
      : dir(::etalase::test::freshTempDirectory(name)), out(dir / "stick") {
    fs::create_directories(out);
    std::vector<leads::Lead> leads = test::hostileLeads();
    leads::SyntheticLeads made(11);
    for (int i = 0; i < synthetic; ++i) leads.push_back(made.next());
    store.emplace(test::storeWith(dir / "leads.db", leads));
    count = static_cast<std::int64_t>(leads.size());
  }
  fs::path dir;
  fs::path out;
  std::optional<leads::LeadStore> store;
  std::int64_t count = 0;
};

TEST(ExportJob, EveryFormatIsWrittenCheckedAndRenamedIntoPlace) {
  Stand stand("job-formats", 250);
  for (ExportFormat format : kExportFormats) {
    const fs::path file = stand.out / (std::string("leads.") + fileExtension(format));
    std::vector<std::pair<std::int64_t, std::int64_t>> reports;
    ExportOptions options;
    options.progress = [&](std::int64_t done, std::int64_t total) {
      reports.emplace_back(done, total);
      return true;
    };
    auto summary = exportLeads(*stand.store, {}, format, file, options);
    ASSERT_TRUE(summary) << summary.error().text();
    EXPECT_EQ(summary.value().file, file);
    EXPECT_EQ(summary.value().leads, stand.count);
    EXPECT_EQ(summary.value().bytes, fs::file_size(file));
    EXPECT_FALSE(fs::exists(fs::path(file) += ".partial"));
    ASSERT_GE(reports.size(), 3u);
    EXPECT_EQ(reports.front(), std::make_pair(std::int64_t{0}, stand.count));
    EXPECT_EQ(reports[1], std::make_pair(kProgressEvery, stand.count));
    EXPECT_EQ(reports.back(), std::make_pair(stand.count, stand.count));
  }
  EXPECT_EQ(filesIn(stand.out),
            (std::vector<std::string>{"leads.csv", "leads.jsonl", "leads.vcf", "leads.xlsx"}));
}

TEST(ExportJob, CancellingThroughProgressLeavesNoFileAtAll) {
  Stand stand("job-cancel", 400);
  for (ExportFormat format : kExportFormats) {
    for (std::int64_t cancelAt : {std::int64_t{0}, std::int64_t{200}, stand.count}) {
      SCOPED_TRACE(std::string(fileExtension(format)) + " at " + std::to_string(cancelAt));
      ExportOptions options;
      options.progress = [&](std::int64_t done, std::int64_t) { return done < cancelAt; };
      auto result = exportLeads(*stand.store, {}, format, stand.out / "leads.out", options);
      ASSERT_FALSE(result);
      EXPECT_TRUE(isCancelled(result.error())) << result.error().text();
      EXPECT_EQ(result.error().where, (stand.out / "leads.out").string());
      EXPECT_EQ(filesIn(stand.out), std::vector<std::string>{});
    }
  }
}

TEST(ExportJob, ACancelledExportLeavesAnEarlierFileOfTheSameNameAsItWas) {
  Stand stand("job-cancel-keeps");
  const fs::path file = stand.out / "leads.csv";
  test::writeFile(file, "an earlier export\r\n");
  ExportOptions options;
  options.progress = [](std::int64_t done, std::int64_t total) { return done < total; };
  ASSERT_FALSE(exportLeads(*stand.store, {}, ExportFormat::Csv, file, options));
  EXPECT_EQ(test::readFile(file), "an earlier export\r\n");
  EXPECT_EQ(filesIn(stand.out), std::vector<std::string>{"leads.csv"});
}

TEST(ExportJob, TheFilterAndAnEmptyResultStillMakeAWholeFile) {
  Stand stand("job-filter");
  const fs::path file = stand.out / "none.jsonl";
  auto summary = exportLeads(*stand.store, leads::leadsSince("2099-01-01T00:00:00.000Z"), ExportFormat::JsonLines,
                             file, {});
  ASSERT_TRUE(summary) << summary.error().text();
  EXPECT_EQ(summary.value().leads, 0);
  EXPECT_EQ(test::readFile(file).find("{\"format\":\"etalase-leads\""), 0u);
  auto some = exportLeads(*stand.store, leads::leadsSince("2026-12-02T17:13:02.000Z"), ExportFormat::Csv,
                          stand.out / "some.csv", {});
  ASSERT_TRUE(some) << some.error().text();
  EXPECT_EQ(some.value().leads, 2);  // hostileLeads() are made at :00, :01, :02 and :03
}

TEST(ExportJob, AnUnwritableFolderIsAnErrorNamingTheFile) {
  Stand stand("job-unwritable");
  const fs::path file = stand.out / "missing-folder" / "leads.csv";
  auto result = exportLeads(*stand.store, {}, ExportFormat::Csv, file, {});
  ASSERT_FALSE(result);
  EXPECT_FALSE(isCancelled(result.error()));
  EXPECT_EQ(result.error().where, file.string());
  EXPECT_NE(result.error().what.find("No such file or directory"), std::string::npos)
      << result.error().what;
  EXPECT_EQ(result.error().what.find("wang.fang"), std::string::npos);
}

TEST(ExportJob, FormatsParseFromTheirExtensions) {
  for (ExportFormat format : kExportFormats) {
    EXPECT_EQ(parseExportFormat(fileExtension(format)), format);
  }
  EXPECT_EQ(parseExportFormat("CSV"), ExportFormat::Csv);
  EXPECT_EQ(parseExportFormat("vcf"), ExportFormat::VCard);
  EXPECT_EQ(parseExportFormat("jsonl"), ExportFormat::JsonLines);
  EXPECT_EQ(parseExportFormat("xls"), std::nullopt);
  EXPECT_EQ(parseExportFormat(""), std::nullopt);
}

TEST(ExportJob, FileNamesCarryTheDeviceAndUtcTimeAndSuitFat) {
  const auto when = std::chrono::sys_days{std::chrono::year{2026} / 12 / 2} +
                    std::chrono::hours{17} + std::chrono::minutes{13} +
                    std::chrono::milliseconds{16'999};
  EXPECT_EQ(exportFileName("kiosk-07", when, ExportFormat::Csv),
            "etalase-leads_kiosk-07_20261202-171316Z.csv");
  EXPECT_EQ(exportFileName("Hall A: stand 3/β_west?", when, ExportFormat::Xlsx),
            "etalase-leads_Hall-A-stand-3-west_20261202-171316Z.xlsx");
  EXPECT_EQ(exportFileName("..", when, ExportFormat::VCard),
            "etalase-leads_kiosk_20261202-171316Z.vcf");
  EXPECT_EQ(fileNameSafe(std::string(200, 'a')).size(), 64u);
  EXPECT_EQ(fileNameSafe("a\\b*c|d<e>f\"g"), "a-b-c-d-e-f-g");
}

}  // namespace
}  // namespace etalase::exporting
