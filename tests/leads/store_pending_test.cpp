// The pending file: leads the database could not take wait there, whole, across restarts.
#include "kiosk/leads/store_pending.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "kiosk/leads/synthetic_leads.h"
#include "test_support.h"

namespace etalase::leads {
namespace {

namespace fs = std::filesystem;

std::vector<Lead> someLeads(int count) {
  SyntheticLeads synthetic(11);
  std::vector<Lead> leads;
  for (int i = 0; i < count; ++i) leads.push_back(synthetic.next());
  leads[0].message = "Halo 👋 «цитата» \"quoted\"\n\tنعم";
  leads[0].rawCard = "MECARD:N:王,芳;TEL:+8613812345678;;";
  leads[0].company = "=HYPERLINK(\"http://x\")";
  return leads;
}

TEST(PendingLeads, KeptLeadsAreReadBackIdenticallyByTheNextRun) {
  const fs::path file = test::freshTempDirectory("pending-roundtrip") / "pending.jsonl";
  const std::vector<Lead> leads = someLeads(3);
  {
    PendingLeads pending(file);
    ASSERT_FALSE(pending.load());
    for (const Lead& lead : leads) ASSERT_FALSE(pending.keep(lead));
  }
  EXPECT_FALSE(fs::exists(fs::path(file) += ".tmp"));
  struct stat info {};
  ASSERT_EQ(::stat(file.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);

  PendingLeads restarted(file);
  ASSERT_FALSE(restarted.load());
  EXPECT_EQ(restarted.leads(), leads);
}

TEST(PendingLeads, ForgettingTheLastLeadRemovesTheFile) {
  const fs::path file = test::freshTempDirectory("pending-forget") / "pending.jsonl";
  const std::vector<Lead> leads = someLeads(2);
  PendingLeads pending(file);
  ASSERT_FALSE(pending.keep(leads[0]));
  ASSERT_FALSE(pending.keep(leads[1]));
  ASSERT_FALSE(pending.keep(leads[1]));  // kept once
  EXPECT_EQ(pending.leads().size(), 2u);
  ASSERT_FALSE(pending.forget({leads[0].uuid}));
  PendingLeads afterOne(file);
  ASSERT_FALSE(afterOne.load());
  EXPECT_EQ(afterOne.leads(), std::vector<Lead>{leads[1]});
  ASSERT_FALSE(pending.forget({leads[1].uuid}));
  EXPECT_TRUE(pending.empty());
  EXPECT_FALSE(fs::exists(file));
}

TEST(PendingLeads, AnUnreadableLineIsReportedAndTheFileKeptAside) {
  const fs::path file = test::freshTempDirectory("pending-damaged") / "pending.jsonl";
  const std::vector<Lead> leads = someLeads(2);
  std::ofstream(file) << leadToJsonLine(leads[0]) << "\n{\"uuid\": \"cut off\n"
                      << leadToJsonLine(leads[1]) << "\n";
  PendingLeads pending(file);
  auto error = pending.load();
  ASSERT_TRUE(error);
  EXPECT_EQ(error->where, file.string() + ":2");
  EXPECT_EQ(pending.leads(), leads);
  EXPECT_TRUE(fs::exists(fs::path(file) += ".unreadable"));
  PendingLeads again(file);
  EXPECT_FALSE(again.load());
  EXPECT_EQ(again.leads(), leads);
}

TEST(PendingLeads, WithoutAFileTheyAreKeptInMemory) {
  PendingLeads pending{fs::path()};
  const std::vector<Lead> leads = someLeads(1);
  ASSERT_FALSE(pending.keep(leads[0]));
  EXPECT_EQ(pending.leads(), leads);
  ASSERT_FALSE(pending.forget({leads[0].uuid}));
  EXPECT_TRUE(pending.empty());
}

TEST(PendingLeads, ALineWithoutUuidOrWithWrongTypesIsNotALead) {
  EXPECT_FALSE(leadFromJsonLine("{\"name\": \"x\"}"));
  EXPECT_FALSE(leadFromJsonLine("{\"uuid\": \"u\", \"name\": 5}"));
  EXPECT_FALSE(leadFromJsonLine("[1, 2]"));
  EXPECT_FALSE(leadFromJsonLine("{\"uuid\": \"u\"}"));  // no creation time
  auto lead = leadFromJsonLine(
      "{\"uuid\": \"u\", \"created_utc\": \"2026-12-02T17:13:16Z\", \"consent_given\": true}");
  ASSERT_TRUE(lead);
  EXPECT_TRUE(lead.value().consentGiven);
}

}  // namespace
}  // namespace etalase::leads
