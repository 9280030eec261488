// Schema versions: a kiosk opens databases made by every earlier version, refuses newer ones,
// and a step that fails leaves the database at the version before it.
#include <gtest/gtest.h>

#include <fstream>

#include "kiosk/leads/lead_store.h"
#include "kiosk/leads/schema.h"
#include "kiosk/leads/synthetic_leads.h"
#include "leads/sqlite_test_support.h"
#include "test_support.h"

namespace etalase::leads {
namespace {

namespace fs = std::filesystem;

using test_sql::openRaw;
using test_sql::insertOldLead;
using test_sql::queryNumber;

std::int64_t indexCount(sqlite3* db) {
  return queryNumber(db,
                     "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                     "('leads_by_created', 'lead_products_by_product')");
}

TEST(Migration, TheStepsAreNumberedOneByOne) {
  int expected = 1;
  for (const Migration& step : leadMigrations()) EXPECT_EQ(step.version, expected++);
  EXPECT_EQ(latestSchemaVersion(), expected - 1);
  EXPECT_EQ(latestSchemaVersion(), 3);
}

TEST(Migration, AnEmptyFileBecomesTheLatestSchema) {
  const fs::path file = test::freshTempDirectory("migrate-empty") / "leads.db";
  std::ofstream{file};  // 0 bytes: SQLite's empty database, version 0
  ASSERT_EQ(fs::file_size(file), 0u);
  {
    auto store = LeadStore::open(file);
    ASSERT_TRUE(store) << store.error().text();
    ASSERT_FALSE(store.value().add(SyntheticLeads(1).next()));
    EXPECT_EQ(store.value().count().value(), 1);
  }
  SqlitePtr db = openRaw(file);
  EXPECT_EQ(queryNumber(db.get(), "PRAGMA user_version"), latestSchemaVersion());
  EXPECT_EQ(indexCount(db.get()), 2);
}

TEST(Migration, AVersionOneDatabaseKeepsItsLeadsAndGetsTheIndexes) {
  const fs::path file = test::freshTempDirectory("migrate-v1") / "leads.db";
  const Lead lead = SyntheticLeads(2).next();
  {
    SqlitePtr db = openRaw(file);
    ASSERT_FALSE(migrate(db.get(), file.string(), leadMigrations(), 1));
    ASSERT_EQ(queryNumber(db.get(), "PRAGMA user_version"), 1);
    ASSERT_EQ(indexCount(db.get()), 0);
    // What a version-1 kiosk wrote: the same columns, then this kiosk's own statement text.
    insertOldLead(db.get(), file,
                  "INSERT INTO leads (uuid, created_utc, name, email, consent_given) VALUES (?1, ?2, ?3, ?4, 1)",
                  lead);
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
  }
  auto store = LeadStore::open(file);
  ASSERT_TRUE(store) << store.error().text();
  auto leads = store.value().recent(5);
  ASSERT_TRUE(leads);
  ASSERT_EQ(leads.value().size(), 1u);
  EXPECT_EQ(leads.value()[0].uuid, lead.uuid);
  EXPECT_EQ(leads.value()[0].name, lead.name);
  EXPECT_EQ(leads.value()[0].productIds, std::vector<std::string>{"bamboo-basket"});
  SqlitePtr db = openRaw(file);
  EXPECT_EQ(queryNumber(db.get(), "PRAGMA user_version"), latestSchemaVersion());
  EXPECT_EQ(indexCount(db.get()), 2);
}

TEST(Migration, ANewerDatabaseIsRefusedAndLeftAsItWas) {
  const fs::path file = test::freshTempDirectory("migrate-newer") / "leads.db";
  {
    auto store = LeadStore::open(file);
    ASSERT_TRUE(store) << store.error().text();
    ASSERT_FALSE(store.value().add(SyntheticLeads(3).next()));
  }
  {
    SqlitePtr db = openRaw(file);
    ASSERT_FALSE(execute(db.get(), file.string(), "PRAGMA user_version = 99", "set version"));
  }
  auto store = LeadStore::open(file);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().where, file.string());
  EXPECT_NE(store.error().what.find("version 99"), std::string::npos) << store.error().what;
  EXPECT_NE(store.error().what.find("update the kiosk"), std::string::npos) << store.error().what;
  SqlitePtr db = openRaw(file);
  EXPECT_EQ(queryNumber(db.get(), "PRAGMA user_version"), 99);
  EXPECT_EQ(queryNumber(db.get(), "SELECT count(*) FROM leads"), 1);
}

TEST(Migration, AFailingStepLeavesTheVersionBeforeIt) {
  const fs::path file = test::freshTempDirectory("migrate-failing") / "leads.db";
  const Migration steps[] = {
      {1, "a table", "CREATE TABLE a (x TEXT);"},
      {2, "a broken step", "CREATE TABLE b (x TEXT); CREATE TABLE b (y TEXT);"},
  };
  SqlitePtr db = openRaw(file);
  auto error = migrate(db.get(), file.string(), steps);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->where, file.string());
  EXPECT_NE(error->what.find("schema version 2 (a broken step)"), std::string::npos) << error->what;
  EXPECT_EQ(queryNumber(db.get(), "PRAGMA user_version"), 1);
  EXPECT_EQ(queryNumber(db.get(), "SELECT count(*) FROM sqlite_master WHERE name = 'a'"), 1);
  EXPECT_EQ(queryNumber(db.get(), "SELECT count(*) FROM sqlite_master WHERE name = 'b'"), 0);
}

}  // namespace
}  // namespace etalase::leads
