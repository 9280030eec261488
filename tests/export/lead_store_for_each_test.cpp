// LeadStore::forEach, the export's read: oldest first, products filled, filtered by time, and
// stoppable, one lead at a time.
#include <gtest/gtest.h>

#include "export_test_leads.h"
#include "kiosk/leads/synthetic_leads.h"
#include "test_support.h"

namespace etalase::leads {
namespace {

namespace fs = std::filesystem;

std::vector<Lead> leadsAt(const std::vector<std::string>& times) {
  std::vector<Lead> leads;
  SyntheticLeads synthetic(7);
  for (const std::string& time : times) {
    Lead lead = synthetic.next();
    lead.createdUtc = time;
    leads.push_back(lead);
  }
  return leads;
}

TEST(LeadStoreForEach, VisitsOldestFirstWithProductsAndTheSameTimeInStorageOrder) {
  const fs::path dir = ::etalase::test::freshTempDirectory("for-each-order");
  const auto leads = leadsAt({"2026-12-02T10:00:00.000Z", "2026-12-01T09:00:00.000Z",
                              "2026-12-02T10:00:00.000Z", "2026-12-01T08:00:00.000Z"});
  LeadStore store = exporting::test::storeWith(dir / "leads.db", leads);
  std::vector<Lead> seen;
  auto error = store.forEach({}, [&](const Lead& lead) {
    seen.push_back(lead);
    return true;
  });
  ASSERT_FALSE(error) << error->text();
  EXPECT_EQ(seen, (std::vector<Lead>{leads[3], leads[1], leads[0], leads[2]}));
  EXPECT_FALSE(seen[0].productIds.empty());
}

TEST(LeadStoreForEach, TheFilterTakesLeadsFromItsTimeOn) {
  const fs::path dir = ::etalase::test::freshTempDirectory("for-each-filter");
  const auto leads = leadsAt({"2026-12-01T23:59:59.999Z", "2026-12-02T00:00:00.000Z",
                              "2026-12-03T08:00:00.000Z"});
  LeadStore store = exporting::test::storeWith(dir / "leads.db", leads);
  const LeadFilter since = leadsSince("2026-12-02T00:00:00.000Z");
  std::vector<std::string> seen;
  ASSERT_FALSE(store.forEach(since, [&](const Lead& lead) {
    seen.push_back(lead.createdUtc);
    return true;
  }));
  EXPECT_EQ(seen, (std::vector<std::string>{leads[1].createdUtc, leads[2].createdUtc}));
  EXPECT_EQ(store.count(since).value(), 2);
  EXPECT_EQ(store.count(LeadFilter{}).value(), 3);
}

TEST(LeadStoreForEach, VisitReturningFalseStopsWithoutAnError) {
  const fs::path dir = ::etalase::test::freshTempDirectory("for-each-stop");
  SyntheticLeads synthetic(3);
  std::vector<Lead> leads;
  for (int i = 0; i < 50; ++i) leads.push_back(synthetic.next());
  LeadStore store = exporting::test::storeWith(dir / "leads.db", leads);
  int visits = 0;
  EXPECT_FALSE(store.forEach({}, [&](const Lead&) { return ++visits < 10; }));
  EXPECT_EQ(visits, 10);
  // The store is usable afterwards, also for a second walk.
  visits = 0;
  EXPECT_FALSE(store.forEach({}, [&](const Lead&) { return ++visits > 0; }));
  EXPECT_EQ(visits, 50);
  EXPECT_EQ(store.recent(1).value().size(), 1u);
}

TEST(LeadStoreForEach, AHostileSinceIsOnlyAValue) {
  const fs::path dir = ::etalase::test::freshTempDirectory("for-each-hostile");
  LeadStore store = exporting::test::storeWith(dir / "leads.db", exporting::test::hostileLeads());
  int visits = 0;
  ASSERT_FALSE(store.forEach(leadsSince("' OR 1=1; DROP TABLE leads;--"), [&](const Lead&) {
    ++visits;
    return true;
  }));
  EXPECT_EQ(visits, 4);  // compared as text, never run: every date sorts after a quote
  EXPECT_EQ(store.count().value(), 4);
}

}  // namespace
}  // namespace etalase::leads
