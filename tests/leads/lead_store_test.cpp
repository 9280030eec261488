// The lead store as a kiosk and its staff see it: what a visitor left is read back exactly as
// given, newest first, counted, and the visit counters add up.
#include "kiosk/leads/lead_store.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <iterator>

#include "kiosk/leads/synthetic_leads.h"
#include "kiosk/leads/uuid.h"
#include "test_support.h"

namespace etalase::leads {
namespace {

namespace fs = std::filesystem;
using std::chrono::hours;
using std::chrono::system_clock;

// Everything a careless store gets wrong: several scripts, emoji, right-to-left text, quotes,
// line breaks, SQL and spreadsheet formulas.
Lead trickyLead() {
  Lead lead;
  lead.uuid = newUuidV4();
  lead.deviceId = "kiosk-07";
  lead.createdUtc = "2026-12-02T17:13:16.123Z";
  lead.packId = "etalase-demo";
  lead.producerId = "lasem-batik";
  lead.productIds = {"batik-tulis-lasem", "pekalongan-sarong", "teak-root-table"};
  lead.name = "王芳 (Wáng Fāng) 👩🏽‍💼";
  lead.company = "'); DROP TABLE leads;--";
  lead.countryCode = "CN";
  lead.email = "wang.fang+kiosk@163.com";
  lead.phone = "+8613812345678";
  lead.buyerType = "importer";
  lead.orderVolume = "=HYPERLINK(\"http://evil.example/?q=1\",\"Click me\")";
  lead.preferredLanguage = "zh";
  lead.message =
      "مرحبا، نريد عينات من الباتيك\nsecond line\t\"quoted\" \\ ; ‏RTL‎ "
      "marks";
  lead.visitorLanguage = "ar";
  lead.consentGiven = true;
  lead.consentVersion = "2026-11-v1";
  lead.consentLanguage = "ar";
  lead.source = kSourceScannedCamera;
  lead.rawCard = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:王芳\r\nEND:VCARD\r\n";
  return lead;
}

LeadStore openStore(const fs::path& file, StoreOptions options = {}) {
  auto store = LeadStore::open(file, options);
  if (!store) ADD_FAILURE() << store.error().text();
  return std::move(store.value());
}

TEST(LeadStore, ALeadIsReadBackExactlyAsGivenAfterReopening) {
  const fs::path file = test::freshTempDirectory("store-roundtrip") / "leads.db";
  const Lead lead = trickyLead();
  {
    LeadStore store = openStore(file);
    ASSERT_FALSE(store.add(lead));
    auto leads = store.recent(10);
    ASSERT_TRUE(leads) << leads.error().text();
    ASSERT_EQ(leads.value().size(), 1u);
    EXPECT_EQ(leads.value()[0], lead);
  }
  LeadStore reopened = openStore(file);
  auto leads = reopened.recent(10);
  ASSERT_TRUE(leads) << leads.error().text();
  ASSERT_EQ(leads.value().size(), 1u);
  EXPECT_EQ(leads.value()[0], lead);
  EXPECT_EQ(leads.value()[0].company, "'); DROP TABLE leads;--");
  EXPECT_EQ(reopened.count().value(), 1);
  EXPECT_FALSE(reopened.integrityCheck());
}

TEST(LeadStore, LeadsWithoutProductsOrConsentKeepThem) {
  const fs::path file = test::freshTempDirectory("store-empty-fields") / "leads.db";
  LeadStore store = openStore(file);
  Lead lead;
  fillIdentity(lead);
  ASSERT_FALSE(store.add(lead));
  auto leads = store.recent(1);
  ASSERT_TRUE(leads);
  ASSERT_EQ(leads.value().size(), 1u);
  EXPECT_EQ(leads.value()[0], lead);
  EXPECT_FALSE(leads.value()[0].consentGiven);
  EXPECT_TRUE(leads.value()[0].productIds.empty());
}

TEST(LeadStore, RecentListsTheNewestFirstUpToTheLimit) {
  const fs::path file = test::freshTempDirectory("store-recent") / "leads.db";
  LeadStore store = openStore(file);
  SyntheticLeads synthetic(7);
  const char* times[] = {"2026-12-02T10:00:00.000Z", "2026-12-02T12:00:00.000Z",
                         "2026-12-02T09:00:00.000Z", "2026-12-02T11:00:00.000Z"};
  for (const char* time : times) {
    Lead lead = synthetic.next();
    lead.createdUtc = time;
    ASSERT_FALSE(store.add(lead));
  }
  auto leads = store.recent(3);
  ASSERT_TRUE(leads) << leads.error().text();
  ASSERT_EQ(leads.value().size(), 3u);
  EXPECT_EQ(leads.value()[0].createdUtc, "2026-12-02T12:00:00.000Z");
  EXPECT_EQ(leads.value()[1].createdUtc, "2026-12-02T11:00:00.000Z");
  EXPECT_EQ(leads.value()[2].createdUtc, "2026-12-02T10:00:00.000Z");
  EXPECT_EQ(store.count().value(), 4);
}

TEST(LeadStore, TheSameLeadAddedTwiceIsStoredOnce) {
  const fs::path file = test::freshTempDirectory("store-twice") / "leads.db";
  LeadStore store = openStore(file);
  const Lead lead = trickyLead();
  ASSERT_FALSE(store.add(lead));
  Lead retried = lead;
  retried.message = "changed";
  ASSERT_FALSE(store.add(retried));
  EXPECT_EQ(store.count().value(), 1);
  EXPECT_EQ(store.recent(5).value().at(0), lead);
  EXPECT_TRUE(store.contains(lead.uuid).value());
  EXPECT_FALSE(store.contains(newUuidV4()).value());
}

TEST(LeadStore, ALeadWithoutUuidIsRefused) {
  const fs::path file = test::freshTempDirectory("store-no-uuid") / "leads.db";
  LeadStore store = openStore(file);
  Lead lead = trickyLead();
  lead.uuid.clear();
  auto error = store.add(lead);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->where, file.string());
  EXPECT_EQ(error->text().find(lead.name), std::string::npos);
  EXPECT_EQ(store.count().value(), 0);
}

TEST(LeadStore, CountersAddUpPerKindProductAndHour) {
  const fs::path file = test::freshTempDirectory("store-counters") / "leads.db";
  const auto morning = system_clock::from_time_t(1796202000);  // 2026-12-02T09:00:00Z
  {
    LeadStore store = openStore(file);
    for (int i = 0; i < 3; ++i)
      ASSERT_FALSE(store.countEvent(EventKind::ProductView, "bamboo-basket", morning));
    ASSERT_FALSE(store.countEvent(EventKind::ProductView, "bamboo-basket", morning + hours(1)));
    ASSERT_FALSE(store.countEvent(EventKind::ProductView, "teak-root-table", morning));
    ASSERT_FALSE(store.countEvent(EventKind::VideoPlay, "teak-root-table", morning));
    ASSERT_FALSE(store.countEvent(EventKind::FormOpened, "", morning));
    ASSERT_FALSE(store.countEvent(EventKind::FormSubmitted, "", morning));
    ASSERT_FALSE(store.countEvent(EventKind::ScanCamera, "", morning));
    ASSERT_FALSE(store.countEvent(EventKind::ScanKeyboard, "", morning));
    ASSERT_FALSE(store.countEvent(EventKind::ScanKeyboard, "", morning));
  }
  LeadStore store = openStore(file);  // counted for good
  auto summary = store.counters();
  ASSERT_TRUE(summary) << summary.error().text();
  const CounterSummary& counters = summary.value();
  EXPECT_EQ(counters.totals.at(EventKind::ProductView), 5);
  EXPECT_EQ(counters.totals.at(EventKind::VideoPlay), 1);
  EXPECT_EQ(counters.totals.at(EventKind::FormOpened), 1);
  EXPECT_EQ(counters.totals.at(EventKind::FormSubmitted), 1);
  EXPECT_EQ(counters.totals.at(EventKind::ScanCamera), 1);
  EXPECT_EQ(counters.totals.at(EventKind::ScanKeyboard), 2);
  EXPECT_EQ(counters.perProduct.at("bamboo-basket").at(EventKind::ProductView), 4);
  EXPECT_EQ(counters.perProduct.at("teak-root-table").at(EventKind::ProductView), 1);
  EXPECT_EQ(counters.perProduct.at("teak-root-table").at(EventKind::VideoPlay), 1);
  EXPECT_EQ(counters.perProduct.count(""), 0u);
  ASSERT_FALSE(counters.hourly.empty());
  EXPECT_EQ(counters.hourly.front().hourUtc, "2026-12-02T09");
  EXPECT_EQ(counters.hourly.back().hourUtc, "2026-12-02T10");
  EXPECT_EQ(counters.hourly.back().count, 1);
}

TEST(LeadStore, EventKindsHaveStableNames) {
  for (EventKind kind : kEventKinds) EXPECT_EQ(eventKindFromName(eventKindName(kind)), kind);
  EXPECT_STREQ(eventKindName(EventKind::ScanCamera), "scan-camera");
  EXPECT_FALSE(eventKindFromName("lead-deleted"));
}

TEST(LeadStore, TheDatabaseIsPrivateAndWriteAheadLogged) {
  const fs::path file = test::freshTempDirectory("store-settings") / "leads.db";
  { LeadStore store = openStore(file); }
  struct stat info {};
  ASSERT_EQ(::stat(file.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  SqlitePtr db(raw);
  auto mode = Statement::prepare(db.get(), file.string(), "PRAGMA journal_mode");
  ASSERT_TRUE(mode);
  ASSERT_TRUE(mode.value().step("reading").value());
  EXPECT_EQ(mode.value().text(0), "wal");
}

TEST(LeadStore, AFileThatIsNotADatabaseIsRefusedAndLeftAlone) {
  const fs::path file = test::freshTempDirectory("store-not-db") / "leads.db";
  const std::string content = "name,email\nnot,a database\n";
  std::ofstream(file) << content;
  auto store = LeadStore::open(file);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().where, file.string());
  EXPECT_NE(store.error().what.find("not a database"), std::string::npos) << store.error().what;
  std::ifstream in(file);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), content);
}

TEST(LeadStore, AMissingFileIsNotCreatedWhenCreationIsOff) {
  const fs::path file = test::freshTempDirectory("store-missing") / "leads.db";
  StoreOptions options;
  options.create = false;
  auto store = LeadStore::open(file, options);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().text(), file.string() + ": no such file");
  EXPECT_FALSE(fs::exists(file));
}

TEST(LeadStore, IntegrityCheckFindsADamagedFile) {
  const fs::path file = test::freshTempDirectory("store-damaged") / "leads.db";
  {
    LeadStore store = openStore(file);
    SyntheticLeads synthetic(3);
    for (int i = 0; i < 300; ++i) ASSERT_FALSE(store.add(synthetic.next()));
    EXPECT_FALSE(store.integrityCheck());
  }
  ASSERT_GT(fs::file_size(file), 20 * 4096u);
  {
    std::fstream damage(file, std::ios::in | std::ios::out | std::ios::binary);
    damage.seekp(10 * 4096 + 100);
    const std::string garbage(3000, '\xA5');
    damage.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  auto store = LeadStore::open(file);
  if (store) {
    auto error = store.value().integrityCheck();
    ASSERT_TRUE(error);
    EXPECT_EQ(error->where, file.string());
  } else {
    EXPECT_EQ(store.error().where, file.string());
  }
}

}  // namespace
}  // namespace etalase::leads
