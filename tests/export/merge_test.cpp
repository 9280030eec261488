// The organiser's merge: each lead once however many exports hold it, the same person at several
// stands flagged with both leads kept, bad lines and foreign files reported by file and line with
// the rest merged, one file per producer, and merged CSV/XLSX read by Python and LibreOffice.
#include "kiosk/export/lead_merge.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "export_test_leads.h"
#include "kiosk/export/jsonl_reader.h"
#include "kiosk/leads/store_pending.h"
#include "test_support.h"

namespace etalase::exporting {
namespace {

namespace fs = std::filesystem;

leads::Lead buyer(int n, const std::string& device, const std::string& email,
                  const std::string& phone) {
  leads::Lead lead = test::hostileLead(n);
  lead.deviceId = device;
  lead.email = email;
  lead.phone = phone;
  return lead;
}

// A kiosk's export, as the kiosk writes it.
fs::path kioskExport(const fs::path& dir, const std::string& device, const std::string& stand,
                     const std::vector<leads::Lead>& leads,
                     const std::string& exportedUtc = "2026-12-03T09:00:00.000Z") {
  WriterOptions options;
  options.deviceId = device;
  options.standName = stand;
  options.exportedUtc = exportedUtc;
  options.producerOfProduct = {{"batik-tulis-lasem", "lasem-batik"},
                               {"pekalongan-sarong", "pekalongan-sarong"},
                               {"teak-root-table", "rembang-teakroot"}};
  options.producerNames = {{"lasem-batik", "Lasem Coastal Batik Studio"}};
  const fs::path file = dir / fmt::format("{}-{}.jsonl", device, exportedUtc.substr(0, 10));
  test::writeLeads(ExportFormat::JsonLines, file, leads, options);
  return file;
}

struct Merged {
  std::optional<MergeReport> report;
  std::optional<Error> error;
  std::vector<std::string> problems;
  std::vector<leads::Lead> leads;
  std::vector<nlohmann::json> lines;  // each lead line as JSON, for the merge's own keys
  std::optional<LeadLinesSummary> header;
};

Merged readMerged(const fs::path& file, Merged merged = {}) {
  std::ifstream in(file, std::ios::binary);
  auto summary = readLeadLines(
      in, file.string(), [&](leads::Lead&& lead) { merged.leads.push_back(std::move(lead)); },
      [&](std::int64_t, const std::string& message) { ADD_FAILURE() << message; });
  EXPECT_TRUE(summary) << summary.error().text();
  if (summary) merged.header = summary.value();
  std::ifstream again(file, std::ios::binary);
  std::string line;
  std::getline(again, line);
  while (std::getline(again, line)) merged.lines.push_back(nlohmann::json::parse(line));
  return merged;
}

Merged merge(const std::vector<fs::path>& inputs, const fs::path& output,
             const fs::path& byProducer = {}) {
  Merged merged;
  MergeOptions options;
  options.inputs = inputs;
  options.output = output;
  options.byProducerFolder = byProducer;
  const std::string extension = output.extension().string();
  options.format = *parseExportFormat(std::string_view(extension).substr(1));
  auto report = mergeLeadFiles(options, [&](const std::string& message) {
    merged.problems.push_back(message);
  });
  if (!report) {
    merged.error = report.error();
    return merged;
  }
  merged.report = report.value();
  if (options.format == ExportFormat::JsonLines) merged = readMerged(output, std::move(merged));
  return merged;
}

std::multiset<std::string> uuids(const std::vector<leads::Lead>& leads) {
  std::multiset<std::string> all;
  for (const auto& lead : leads) all.insert(lead.uuid);
  return all;
}

TEST(LeadMerge, ALeadInSeveralExportsIsWrittenOnceTheLatestCopy) {
  const fs::path dir = ::etalase::test::freshTempDirectory("merge-duplicates");
  leads::Lead a = buyer(1, "kiosk-01", "a@example.com", "+6281111111111");
  leads::Lead b = buyer(2, "kiosk-01", "b@example.com", "+6282222222222");
  leads::Lead c = buyer(3, "kiosk-01", "c@example.com", "+6283333333333");
  const fs::path all = kioskExport(dir, "kiosk-01", "Batik Lasem", {a, b, c});
  const fs::path copy = dir / "copy-of-all.jsonl";
  fs::copy_file(all, copy);
  // The "not yet exported" export of the next day: b again, rated meanwhile (its message stands
  // in for a newer staff note), and a new lead.
  leads::Lead newerB = b;
  newerB.message = "rated hot";
  leads::Lead d = buyer(4, "kiosk-01", "d@example.com", "+6284444444444");
  const fs::path later = kioskExport(dir, "kiosk-01", "Batik Lasem", {newerB, d},
                                     "2026-12-04T09:00:00.000Z");

  const Merged merged = merge({all, copy, later}, dir / "merged.jsonl");
  ASSERT_TRUE(merged.report) << merged.error->text();
  EXPECT_TRUE(merged.problems.empty());
  EXPECT_EQ(merged.report->filesRead, 3);
  EXPECT_EQ(merged.report->leadsRead, 8);
  EXPECT_EQ(merged.report->duplicatesRemoved, 4);
  EXPECT_EQ(merged.report->leadsWritten, 4);
  EXPECT_EQ(uuids(merged.leads), (std::multiset<std::string>{a.uuid, b.uuid, c.uuid, d.uuid}));
  for (const auto& lead : merged.leads) {
    if (lead.uuid == b.uuid) {
      EXPECT_EQ(lead.message, "rated hot") << "the latest export's copy";
    }
  }
  ASSERT_TRUE(merged.header);
  EXPECT_TRUE(merged.header->merged);
  EXPECT_EQ(merged.header->mergedFrom, 3);
  EXPECT_EQ(merged.header->producerOfProduct.at("teak-root-table"), "rembang-teakroot");
  EXPECT_EQ(merged.report->samePersonGroups, 0);
  for (const auto& line : merged.lines) {
    EXPECT_EQ(line["stand_name"], "Batik Lasem");
    EXPECT_EQ(line["same_person"], "");
    EXPECT_EQ(line["seen_at_stands"], nlohmann::json::array({"Batik Lasem (kiosk-01)"}));
  }
}

TEST(LeadMerge, TheSamePersonAtSeveralStandsIsFlaggedAndBothLeadsKept) {
  const fs::path dir = ::etalase::test::freshTempDirectory("merge-same-person");
  const leads::Lead byEmail1 = buyer(1, "kiosk-01", "Wang.Fang@163.com", "");
  const leads::Lead byEmail2 = buyer(2, "kiosk-02", "  wang.fang@163.COM \t", "+8613800000001");
  const leads::Lead byPhone1 = buyer(3, "kiosk-01", "li@example.com", "+60 12-345 6789");
  const leads::Lead byPhone2 = buyer(4, "kiosk-03", "ming@example.cn", "+60123456789");
  const leads::Lead other = buyer(5, "kiosk-02", "someone.else@163.com", "+60123456780");
  const fs::path one = kioskExport(dir, "kiosk-01", "Batik Lasem", {byEmail1, byPhone1});
  const fs::path two = kioskExport(dir, "kiosk-02", "", {byEmail2, other});
  const fs::path three = kioskExport(dir, "kiosk-03", "Kopi Pamekasan", {byPhone2});

  const Merged merged = merge({one, two, three}, dir / "merged.jsonl");
  ASSERT_TRUE(merged.report) << merged.error->text();
  EXPECT_EQ(merged.report->leadsWritten, 5) << "no lead of a flagged person is dropped";
  EXPECT_EQ(merged.report->samePersonGroups, 2);
  EXPECT_EQ(merged.report->seenAtSeveralStands, 2);
  std::map<std::string, nlohmann::json> byUuid;
  for (const auto& line : merged.lines) byUuid[line["uuid"]] = line;
  ASSERT_EQ(byUuid.size(), 5u);
  const auto group = [&](const leads::Lead& lead) {
    return byUuid.at(lead.uuid)["same_person"].get<std::string>();
  };
  EXPECT_FALSE(group(byEmail1).empty());
  EXPECT_EQ(group(byEmail1), group(byEmail2));
  EXPECT_FALSE(group(byPhone1).empty());
  EXPECT_EQ(group(byPhone1), group(byPhone2));
  EXPECT_NE(group(byEmail1), group(byPhone1));
  EXPECT_EQ(group(other), "");
  const nlohmann::json emailStands = {"Batik Lasem (kiosk-01)", "kiosk-02"};
  EXPECT_EQ(byUuid.at(byEmail1.uuid)["seen_at_stands"], emailStands);
  EXPECT_EQ(byUuid.at(byEmail2.uuid)["seen_at_stands"], emailStands);
  EXPECT_EQ(byUuid.at(byPhone2.uuid)["seen_at_stands"],
            nlohmann::json({"Batik Lasem (kiosk-01)", "Kopi Pamekasan (kiosk-03)"}));
  EXPECT_EQ(byUuid.at(byEmail2.uuid)["stand_name"], "");
  EXPECT_EQ(byUuid.at(byPhone2.uuid)["stand_name"], "Kopi Pamekasan");
  // The leads themselves are as the kiosks wrote them (the e-mail not rewritten).
  for (const auto& lead : merged.leads) {
    if (lead.uuid == byEmail2.uuid) {
      EXPECT_EQ(lead.email, byEmail2.email);
    }
  }
}

TEST(LeadMerge, BadLinesAndForeignFilesAreReportedByFileAndLineAndTheRestMerged) {
  const fs::path dir = ::etalase::test::freshTempDirectory("merge-problems");
  const auto all = test::hostileLeads();
  const fs::path good = kioskExport(dir, "kiosk-01", "", {all[0]});
  const fs::path damaged = kioskExport(dir, "kiosk-02", "", {all[1], all[2], all[3]});
  // A garbage line in the middle, and the stick pulled during the last line.
  std::string text = test::readFile(damaged);
  const std::size_t third = text.find('\n', text.find('\n', text.find('\n') + 1) + 1);
  text.insert(third + 1, "\x01garbage wang.fang@163.com {\n");
  text.resize(text.size() - 40);
  test::writeFile(damaged, text);
  const fs::path foreign = dir / "notes.jsonl";
  test::writeFile(foreign, "{\"shopping\":\"list\"}\n");
  const fs::path missing = dir / "missing.jsonl";

  const Merged merged = merge({good, damaged, foreign, missing}, dir / "merged.jsonl");
  ASSERT_TRUE(merged.report) << merged.error->text();
  EXPECT_EQ(uuids(merged.leads), (std::multiset<std::string>{all[0].uuid, all[1].uuid, all[2].uuid}));
  EXPECT_EQ(merged.report->filesRead, 2);
  EXPECT_EQ(merged.report->filesRefused, 2);
  EXPECT_EQ(merged.report->problems, 4);
  ASSERT_EQ(merged.problems.size(), 4u);
  EXPECT_EQ(merged.problems[0].rfind(damaged.string() + ":4: ", 0), 0u) << merged.problems[0];
  EXPECT_EQ(merged.problems[1].rfind(damaged.string() + ":5: the last line is cut short", 0), 0u)
      << merged.problems[1];
  EXPECT_EQ(merged.problems[2].rfind(foreign.string() + ":1: not an Etalase lead file", 0), 0u)
      << merged.problems[2];
  EXPECT_EQ(merged.problems[3].rfind(missing.string() + ": cannot be opened", 0), 0u)
      << merged.problems[3];
  for (const std::string& problem : merged.problems) {
    EXPECT_EQ(problem.find("wang.fang"), std::string::npos) << "no personal data: " << problem;
  }
}

TEST(LeadMerge, NothingReadableIsAnErrorAndNoFileIsLeft) {
  const fs::path dir = ::etalase::test::freshTempDirectory("merge-nothing");
  test::writeFile(dir / "a.jsonl", "not json\n");
  const Merged merged = merge({dir / "a.jsonl", dir / "b.jsonl"}, dir / "merged.csv");
  ASSERT_TRUE(merged.error);
  EXPECT_EQ(merged.error->where, (dir / "merged.csv").string());
  EXPECT_EQ(merged.problems.size(), 2u);
  EXPECT_FALSE(fs::exists(dir / "merged.csv"));
  EXPECT_FALSE(fs::exists(dir / "merged.csv.partial"));
}

TEST(LeadMerge, ByProducerPutsALeadInTheFileOfEachProducerItAskedAbout) {
  const fs::path dir = ::etalase::test::freshTempDirectory("merge-by-producer");
  leads::Lead two = buyer(1, "kiosk-01", "two@example.com", "");
  two.productIds = {"batik-tulis-lasem", "teak-root-table"};
  leads::Lead batik = buyer(2, "kiosk-01", "batik@example.com", "");
  batik.productIds = {"batik-tulis-lasem"};
  leads::Lead unmapped = buyer(3, "kiosk-02", "coffee@example.com", "");
  unmapped.productIds = {"not-in-the-pack"};
  unmapped.producerId = "pamekasan-kopi";  // the producer whose page the form was opened on
  leads::Lead nobody = buyer(4, "kiosk-02", "nobody@example.com", "");
  nobody.productIds = {};
  nobody.producerId = "";
  const fs::path one = kioskExport(dir, "kiosk-01", "", {two, batik});
  const fs::path other = kioskExport(dir, "kiosk-02", "", {unmapped, nobody});
  const fs::path folder = dir / "producers";

  const Merged merged = merge({one, other}, dir / "merged.jsonl", folder);
  ASSERT_TRUE(merged.report) << merged.error->text();
  std::map<std::string, std::multiset<std::string>> files;
  for (const ProducerFile& file : merged.report->producerFiles) {
    EXPECT_EQ(file.file.parent_path(), folder);
    files[file.file.filename().string()] = uuids(readMerged(file.file).leads);
  }
  EXPECT_EQ(files, (std::map<std::string, std::multiset<std::string>>{
                       {"lasem-batik.jsonl", {two.uuid, batik.uuid}},
                       {"rembang-teakroot.jsonl", {two.uuid}},
                       {"pamekasan-kopi.jsonl", {unmapped.uuid}}}));
  EXPECT_EQ(merged.report->withoutProducer, 1);
  EXPECT_EQ(merged.report->leadsWritten, 4) << "the merged file has them all";
  const Merged batikFile = readMerged(folder / "lasem-batik.jsonl");
  ASSERT_TRUE(batikFile.header);
  EXPECT_EQ(batikFile.header->producerNames,
            (std::map<std::string, std::string>{{"lasem-batik", "Lasem Coastal Batik Studio"}}));
}

// A kiosk's export copied twice, and another kiosk where one of its buyers came by again.
std::vector<fs::path> twoKiosks(const fs::path& dir, std::vector<leads::Lead>& unique) {
  unique = test::hostileLeads();  // left at kiosk-07
  for (std::size_t i = 0; i < unique.size(); ++i) {
    unique[i].email = fmt::format("p{}@example.com", i);
    unique[i].phone = fmt::format("+6281000000{:03}", i);
  }
  const fs::path first = kioskExport(dir, "kiosk-07", "Batik Lasem", unique);
  fs::copy_file(first, dir / "copy.jsonl");
  const leads::Lead again = buyer(20, "kiosk-02", " P0@Example.com", "");
  unique.push_back(again);
  return {first, dir / "copy.jsonl", kioskExport(dir, "kiosk-02", "Kopi", {again})};
}

TEST(LeadMerge, PythonsCsvReadsEachUuidOnceWithTheMergedColumns) {
  const fs::path dir = ::etalase::test::freshTempDirectory("merge-csv");
  std::vector<leads::Lead> unique;
  const auto inputs = twoKiosks(dir, unique);
  const Merged merged = merge(inputs, dir / "merged.csv");
  ASSERT_TRUE(merged.report) << merged.error->text();
  test::writeFile(dir / "read.py",
                  "import csv, json, sys\n"
                  "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
                  "    print(json.dumps(list(csv.DictReader(f, strict=True))))\n");
  int status = 0;
  const std::string output = test::run(test::python() + " " +
                                           test::shellQuote((dir / "read.py").string()) + " " +
                                           test::shellQuote((dir / "merged.csv").string()),
                                       status);
  ASSERT_EQ(status, 0) << output;
  const auto rows = nlohmann::json::parse(output);
  ASSERT_EQ(rows.size(), unique.size());
  std::multiset<std::string> seen;
  std::map<std::string, std::string> samePerson;
  for (const auto& row : rows) {
    seen.insert(row["uuid"].get<std::string>());
    samePerson[row["uuid"]] = row["same_person"];
    EXPECT_EQ(row.size(), test::columnNames().size() + 3);
    if (row["phone"] != "") {
      EXPECT_EQ(row["phone"].get<std::string>().rfind("'+", 0), 0u) << "neutralised like an export";
    }
  }
  EXPECT_EQ(seen, uuids(unique));
  EXPECT_EQ(samePerson[unique.front().uuid], "P1");
  EXPECT_EQ(samePerson[unique.back().uuid], "P1");
  EXPECT_EQ(rows[0]["seen_at_stands"], "Batik Lasem (kiosk-07); Kopi (kiosk-02)");
}

TEST(LeadMerge, LibreOfficeReadsTheMergedWorkbookWithEachUuidOnce) {
  const std::string office = test::libreOffice();
  if (office.empty()) {
    GTEST_SKIP() << "LibreOffice (soffice) is not installed: apt-get install "
                    "libreoffice-calc-nogui to read the XLSX back";
  }
  const fs::path dir = ::etalase::test::freshTempDirectory("merge-xlsx");
  std::vector<leads::Lead> unique;
  const auto inputs = twoKiosks(dir, unique);
  const Merged merged = merge(inputs, dir / "merged.xlsx");
  ASSERT_TRUE(merged.report) << merged.error->text();
  int status = 0;
  const std::string output = test::run(
      fmt::format("cd {} && {} -env:UserInstallation=file://{} --headless --convert-to "
                  "'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir {} {} 2>&1",
                  test::shellQuote(dir.string()), test::shellQuote(office),
                  (dir / "office-profile").string(), test::shellQuote((dir / "out").string()),
                  test::shellQuote((dir / "merged.xlsx").string())),
      status);
  ASSERT_EQ(status, 0) << output;
  const auto rows = test::parseCsv(test::readFile(dir / "out" / "merged.csv"));
  ASSERT_EQ(rows.size(), unique.size() + 1) << output;
  std::vector<std::string> header = test::columnNames();
  header.insert(header.end(), {"stand_name", "same_person", "seen_at_stands"});
  EXPECT_EQ(rows[0], header);
  std::multiset<std::string> seen;
  for (std::size_t i = 1; i < rows.size(); ++i) seen.insert(rows[i][0]);
  EXPECT_EQ(seen, uuids(unique));
  EXPECT_EQ(rows[1][header.size() - 2], "P1");
}

}  // namespace
}  // namespace etalase::exporting
