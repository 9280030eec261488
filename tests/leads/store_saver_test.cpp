// LeadSaver: the UI thread hands a lead over and goes on drawing; the lead is saved, or kept
// pending and saved later, and the UI learns which.
#include "kiosk/leads/store_saver.h"

#include <gtest/gtest.h>

#include <thread>

#include "kiosk/leads/synthetic_leads.h"
#include "kiosk/leads/uuid.h"
#include "test_support.h"

namespace etalase::leads {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

SaverOptions savingTo(const fs::path& database, const fs::path& pendingFile = {}) {
  SaverOptions options;
  options.database = database;
  options.pendingFile = pendingFile;
  return options;
}

// `shape`: 'h' a lower-case hex digit, 'd' a digit, 'v' one of 8 9 a b, anything else itself.
bool hasShape(const std::string& text, std::string_view shape) {
  if (text.size() != shape.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool digit = c >= '0' && c <= '9';
    const bool fits = shape[i] == 'h'   ? digit || (c >= 'a' && c <= 'f')
                      : shape[i] == 'd' ? digit
                      : shape[i] == 'v' ? std::string_view("89ab").find(c) != std::string_view::npos
                                        : c == shape[i];
    if (!fits) return false;
  }
  return true;
}

LeadStore openStore(const fs::path& file) {
  auto store = LeadStore::open(file);
  if (!store) ADD_FAILURE() << store.error().text();
  return std::move(store.value());
}

TEST(LeadSaver, SubmitReturnsAtOnceWhileTheDatabaseIsBusy) {
  const fs::path dir = test::freshTempDirectory("saver-busy");
  LeadStore store = openStore(dir / "leads.db");
  LeadSaver saver(savingTo(dir / "leads.db", dir / "pending.jsonl"));
  saver.waitUntilIdle();

  // Another connection holds the write lock, as a slow disk or a staff export would.
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open_v2((dir / "leads.db").c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr),
            SQLITE_OK);
  SqlitePtr other(raw);
  ASSERT_FALSE(execute(other.get(), "other", "BEGIN IMMEDIATE", "lock"));

  Lead lead = SyntheticLeads(5).next();
  const auto before = std::chrono::steady_clock::now();
  const SaveTicket ticket = saver.submit(lead);
  EXPECT_LT(std::chrono::steady_clock::now() - before, 20ms);  // a frame is 16 ms
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(saver.status(ticket).state, SaveState::Saving);
  EXPECT_FALSE(store.contains(lead.uuid).value());

  ASSERT_FALSE(execute(other.get(), "other", "COMMIT", "unlock"));
  saver.waitUntilIdle();
  EXPECT_EQ(saver.status(ticket).state, SaveState::Saved);
  EXPECT_TRUE(store.contains(lead.uuid).value());
}

TEST(LeadSaver, LeadsSubmittedBeforeShutdownAreAllSaved) {
  const fs::path dir = test::freshTempDirectory("saver-shutdown");
  std::vector<Lead> leads;
  {
    LeadSaver saver(savingTo(dir / "leads.db", dir / "pending.jsonl"));
    SyntheticLeads synthetic(6);
    for (int i = 0; i < 30; ++i) {
      leads.push_back(synthetic.next());
      saver.submit(leads.back());
    }
  }
  LeadStore store = openStore(dir / "leads.db");
  EXPECT_EQ(store.count().value(), 30);
  for (const Lead& lead : leads) EXPECT_TRUE(store.contains(lead.uuid).value());
}

TEST(LeadSaver, ALeadWithoutIdentityGetsAUuidAndTheTime) {
  const fs::path dir = test::freshTempDirectory("saver-identity");
  {
    LeadSaver saver(savingTo(dir / "leads.db"));
    Lead lead;
    lead.name = "Budi";
    saver.submit(lead);
  }
  LeadStore store = openStore(dir / "leads.db");
  auto leads = store.recent(1).value();
  ASSERT_EQ(leads.size(), 1u);
  EXPECT_TRUE(hasShape(leads[0].uuid, "hhhhhhhh-hhhh-4hhh-vhhh-hhhhhhhhhhhh")) << leads[0].uuid;
  EXPECT_TRUE(hasShape(leads[0].createdUtc, "20dd-dd-ddTdd:dd:dd.dddZ")) << leads[0].createdUtc;
}

TEST(LeadSaver, CountsEventsOffTheUiThread) {
  const fs::path dir = test::freshTempDirectory("saver-events");
  {
    LeadSaver saver(savingTo(dir / "leads.db"));
    saver.countEvent(EventKind::ProductView, "bamboo-basket");
    saver.countEvent(EventKind::ProductView, "bamboo-basket");
    saver.countEvent(EventKind::FormOpened, "bamboo-basket");
  }
  LeadStore store = openStore(dir / "leads.db");
  const CounterSummary counters = store.counters().value();
  EXPECT_EQ(counters.perProduct.at("bamboo-basket").at(EventKind::ProductView), 2);
  EXPECT_EQ(counters.totals.at(EventKind::FormOpened), 1);
}

TEST(LeadSaver, ALeadIsKeptPendingWhileTheDatabaseCannotBeOpenedThenSaved) {
  const fs::path dir = test::freshTempDirectory("saver-unopenable");
  const fs::path database = dir / "not-yet" / "leads.db";
  LeadSaver saver(savingTo(database, dir / "pending.jsonl"));
  Lead lead = SyntheticLeads(8).next();
  const SaveTicket ticket = saver.submit(lead);
  saver.countEvent(EventKind::ScanCamera, "");
  saver.waitUntilIdle();
  const SaveStatus status = saver.status(ticket);
  EXPECT_EQ(status.state, SaveState::KeptPending);
  EXPECT_NE(status.message.find(database.string()), std::string::npos) << status.message;
  EXPECT_EQ(status.message.find(lead.email), std::string::npos);
  EXPECT_EQ(saver.pendingCount(), 1u);
  ASSERT_TRUE(saver.warning());
  EXPECT_TRUE(fs::exists(dir / "pending.jsonl"));

  fs::create_directory(dir / "not-yet");
  saver.retryPending();
  saver.waitUntilIdle();
  EXPECT_EQ(saver.status(ticket).state, SaveState::Saved);
  EXPECT_EQ(saver.pendingCount(), 0u);
  EXPECT_FALSE(saver.warning());
  EXPECT_FALSE(fs::exists(dir / "pending.jsonl"));
  LeadStore store = openStore(database);
  EXPECT_EQ(store.recent(1).value().at(0), lead);
  EXPECT_EQ(store.counters().value().totals.at(EventKind::ScanCamera), 1);
}

TEST(LeadSaver, PendingLeadsAreRetriedOnTheirOwn) {
  const fs::path dir = test::freshTempDirectory("saver-periodic");
  const fs::path database = dir / "later" / "leads.db";
  SaverOptions options = savingTo(database, dir / "pending.jsonl");
  options.retryInterval = 50ms;
  LeadSaver saver(options);
  const SaveTicket ticket = saver.submit(SyntheticLeads(9).next());
  saver.waitUntilIdle();
  ASSERT_EQ(saver.status(ticket).state, SaveState::KeptPending);
  fs::create_directory(dir / "later");
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (saver.status(ticket).state != SaveState::Saved &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(10ms);
  }
  EXPECT_EQ(saver.status(ticket).state, SaveState::Saved);
}

}  // namespace
}  // namespace etalase::leads
