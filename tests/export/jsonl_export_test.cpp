// JSON Lines, the exchange format: leads come back exactly, and a reader merging files from many
// kiosks survives what a pulled stick or a hostile file puts in them, line by line.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "export_test_leads.h"
#include "kiosk/export/jsonl_reader.h"
#include "kiosk/export/jsonl_writer.h"
#include "kiosk/export/lead_json.h"
#include "kiosk/leads/synthetic_leads.h"
#include "kiosk/leads/store_pending.h"
#include "test_support.h"

namespace etalase::exporting {
namespace {

namespace fs = std::filesystem;

struct ReadBack {
  std::vector<leads::Lead> leads;
  std::vector<std::pair<std::int64_t, std::string>> problems;
  std::optional<LeadLinesSummary> summary;
  std::optional<Error> error;
};

ReadBack readText(const std::string& text, const std::string& name = "kiosk-07.jsonl") {
  ReadBack back;
  std::istringstream in(text);
  auto summary = readLeadLines(
      in, name, [&](leads::Lead&& lead) { back.leads.push_back(std::move(lead)); },
      [&](std::int64_t line, const std::string& message) {
        back.problems.emplace_back(line, message);
      });
  if (summary) {
    back.summary = summary.value();
  } else {
    back.error = summary.error();
  }
  return back;
}

std::string header(int version = 1) {
  return "{\"format\":\"etalase-leads\",\"version\":" + std::to_string(version) +
         ",\"exported_utc\":\"2026-12-03T09:00:00.000Z\",\"device_id\":\"kiosk-07\"}\n";
}

std::string line(const leads::Lead& lead) { return leads::leadToJsonLine(lead) + "\n"; }

TEST(JsonLinesExport, HostileLeadsComeBackExactlyWithTheHeader) {
  const fs::path file = ::etalase::test::freshTempDirectory("jsonl-roundtrip") / "leads.jsonl";
  WriterOptions options;
  options.deviceId = "kiosk-07";
  options.exportedUtc = "2026-12-03T09:00:00.000Z";
  test::writeLeads(ExportFormat::JsonLines, file, test::hostileLeads(), options);
  const std::string text = test::readFile(file);
  // An older reader's header, with the fields added since (empty here) after it.
  EXPECT_EQ(text.substr(0, text.find('\n') + 1),
            header().substr(0, header().size() - 2) +
                ",\"stand_name\":\"\",\"producers\":{},\"producer_names\":{}}\n");
  const ReadBack back = readText(text);
  ASSERT_TRUE(back.summary) << back.error->text();
  EXPECT_TRUE(back.problems.empty());
  EXPECT_EQ(back.leads, test::hostileLeads());
  EXPECT_EQ(back.summary->version, 1);
  EXPECT_EQ(back.summary->deviceId, "kiosk-07");
  EXPECT_EQ(back.summary->exportedUtc, "2026-12-03T09:00:00.000Z");
  EXPECT_EQ(back.summary->leads, 4);
}

TEST(JsonLinesExport, TheHeaderNamesTheStandAndTheProducersOfItsProducts) {
  const fs::path file = ::etalase::test::freshTempDirectory("jsonl-producers") / "leads.jsonl";
  WriterOptions options;
  options.deviceId = "kiosk-07";
  options.exportedUtc = "2026-12-03T09:00:00.000Z";
  options.standName = "Sanggar Batik \"Lasem\" 王";
  options.producerOfProduct = {{"batik-tulis-lasem", "lasem-batik"},
                               {"teak-root-table", "rembang-teakroot"}};
  options.producerNames = {{"lasem-batik", "Lasem Coastal Batik Studio"}};
  test::writeLeads(ExportFormat::JsonLines, file, test::hostileLeads(), options);
  const std::string text = test::readFile(file);
  const nlohmann::json header = nlohmann::json::parse(text.substr(0, text.find('\n')));
  EXPECT_EQ(header["version"], 1) << "new fields are no reason for a new version";
  EXPECT_EQ(header["stand_name"], options.standName);
  EXPECT_EQ(header["producers"]["teak-root-table"], "rembang-teakroot");
  EXPECT_FALSE(header.contains("merged"));
  const ReadBack back = readText(text);
  ASSERT_TRUE(back.summary);
  EXPECT_EQ(back.summary->standName, options.standName);
  EXPECT_EQ(back.summary->producerOfProduct, options.producerOfProduct);
  EXPECT_EQ(back.summary->producerNames, options.producerNames);
  EXPECT_FALSE(back.summary->merged);
  // Entries of the wrong type are left out, the file still read.
  const ReadBack odd = readText(
      "{\"format\":\"etalase-leads\",\"version\":1,\"stand_name\":7,\"producers\":"
      "{\"a\":\"x\",\"b\":3},\"producer_names\":[1]}\n" + line(test::hostileLead()));
  ASSERT_TRUE(odd.summary);
  EXPECT_EQ(odd.summary->standName, "");
  EXPECT_EQ(odd.summary->producerOfProduct, (std::map<std::string, std::string>{{"a", "x"}}));
  EXPECT_TRUE(odd.summary->producerNames.empty());
  EXPECT_EQ(odd.leads.size(), 1u);
}

TEST(JsonLinesExport, EachLeadIsThePendingFilesLineByteForByte) {
  std::vector<leads::Lead> all = test::hostileLeads();
  leads::Lead odd = test::hostileLead(7);
  odd.name = std::string("ctl \x01\x1f\x7f \b\f\t /", 14);
  odd.company = "stray \xff\xfe, cut \xe6\xb8 short, overlong \xc0\xaf \xe0\x80\x80, "
                "surrogate \xed\xa0\x80, too high \xf4\x90\x80\x80, end \xf0\x9f\x98";
  odd.productIds = {"", "a\"b", "写真"};
  all.push_back(odd);
  leads::SyntheticLeads synthetic(5);
  for (int i = 0; i < 200; ++i) all.push_back(synthetic.next());
  for (const leads::Lead& lead : all) {
    std::string line;
    appendLeadJson(line, lead);
    EXPECT_EQ(line, leads::leadToJsonLine(lead));
  }
}

TEST(JsonLinesExport, AGarbageLineAndATruncatedLastLineAreReportedAndTheRestRead) {
  const auto all = test::hostileLeads();
  const std::string last = line(all[3]);
  const std::string text = header() + line(all[0]) + line(all[1]) +
                           "\x01garbage {\"uuid\": \xff not json\n" + line(all[2]) +
                           last.substr(0, last.size() / 2);  // the stick was pulled
  const ReadBack back = readText(text);
  ASSERT_TRUE(back.summary) << back.error->text();
  EXPECT_EQ(back.leads, (std::vector<leads::Lead>{all[0], all[1], all[2]}));
  ASSERT_EQ(back.problems.size(), 2u);
  EXPECT_EQ(back.problems[0].first, 4);
  EXPECT_EQ(back.problems[0].second.rfind("kiosk-07.jsonl:4: ", 0), 0u) << back.problems[0].second;
  EXPECT_EQ(back.problems[1].first, 6);
  EXPECT_NE(back.problems[1].second.find("kiosk-07.jsonl:6: the last line is cut short"),
            std::string::npos)
      << back.problems[1].second;
  EXPECT_EQ(back.summary->problems, 2);
}

TEST(JsonLinesExport, ProblemsNeverQuoteTheLine) {
  leads::Lead lead = test::hostileLead();
  std::string bad = line(lead);
  bad.replace(bad.find("\"consent_given\":true"), 20, "\"consent_given\":\"yes\"");
  const ReadBack back = readText(header() + bad + "{\"email\":\"secret@example.com\"}\n");
  ASSERT_EQ(back.problems.size(), 2u);
  for (const auto& [number, message] : back.problems) {
    EXPECT_EQ(message.find("wang.fang"), std::string::npos) << message;
    EXPECT_EQ(message.find("secret@"), std::string::npos) << message;
  }
}

TEST(JsonLinesExport, ALineOverOneMebibyteIsSkippedWithoutHoldingItAndTheNextRead) {
  leads::Lead huge = test::hostileLead(1);
  huge.message.assign(kMaxLeadLineBytes + 10, 'x');
  const leads::Lead next = test::hostileLead(2);
  const ReadBack back = readText(header() + line(huge) + line(next));
  ASSERT_TRUE(back.summary);
  EXPECT_EQ(back.leads, std::vector<leads::Lead>{next});
  ASSERT_EQ(back.problems.size(), 1u);
  EXPECT_EQ(back.problems[0].first, 2);
  EXPECT_NE(back.problems[0].second.find("longer than"), std::string::npos);
}

TEST(JsonLinesExport, DeeplyNestedJsonIsAProblemNotACrash) {
  const std::string nested(kMaxLeadLineBytes / 2, '[');
  const ReadBack back = readText(header() + nested + std::string(nested.size(), ']') + "\n" +
                                 nested + "\n" + line(test::hostileLead()));
  ASSERT_TRUE(back.summary);
  EXPECT_EQ(back.leads.size(), 1u);
  EXPECT_EQ(back.problems.size(), 2u);
}

TEST(JsonLinesExport, UnknownFieldsAreIgnoredAndCrlfAndBlankLinesTolerated) {
  const leads::Lead lead = test::hostileLead();
  std::string withExtra = leads::leadToJsonLine(lead);
  withExtra.insert(1, "\"badge_colour\":\"green\",\"score\":{\"a\":[1,2]},");
  const ReadBack back = readText(header() + "\n" + withExtra + "\r\n\r\n");
  ASSERT_TRUE(back.summary);
  EXPECT_TRUE(back.problems.empty());
  EXPECT_EQ(back.leads, std::vector<leads::Lead>{lead});
}

TEST(JsonLinesExport, ANewerMajorVersionOrAForeignFileIsRefusedWhole) {
  const std::string lead = line(test::hostileLead());
  const ReadBack newer = readText(header(2) + lead);
  ASSERT_TRUE(newer.error);
  EXPECT_EQ(newer.error->where, "kiosk-07.jsonl:1");
  EXPECT_NE(newer.error->what.find("version 2"), std::string::npos) << newer.error->what;
  EXPECT_TRUE(newer.leads.empty());

  EXPECT_TRUE(readText(lead).error) << "a pending-leads file has no header";
  EXPECT_TRUE(readText("").error);
  EXPECT_TRUE(readText("{\"format\":\"something-else\",\"version\":1}\n" + lead).error);
  EXPECT_TRUE(readText("{\"format\":\"etalase-leads\",\"version\":\"1\"}\n" + lead).error);
}

TEST(JsonLinesExport, AFileReadFromDiskNamesItself) {
  const fs::path file = ::etalase::test::freshTempDirectory("jsonl-file") / "stand-3.jsonl";
  test::writeFile(file, header() + "nonsense\n");
  std::ifstream in(file, std::ios::binary);
  std::vector<std::string> messages;
  auto summary = readLeadLines(
      in, file.string(), [](leads::Lead&&) {},
      [&](std::int64_t, const std::string& message) { messages.push_back(message); });
  ASSERT_TRUE(summary);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].rfind(file.string() + ":2: ", 0), 0u) << messages[0];
}

}  // namespace
}  // namespace etalase::exporting
