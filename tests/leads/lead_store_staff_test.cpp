// The lead store as stand staff use it: the lead list with search and filters, ratings and notes,
// a person's erasure (gone from the list, the exports and the bytes of the files), retention,
// "only the leads not yet exported", the export log and the dashboard's counts.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/leads/lead_store.h"
#include "kiosk/leads/schema.h"
#include "kiosk/leads/synthetic_leads.h"
#include "kiosk/leads/uuid.h"
#include "leads/sqlite_test_support.h"
#include "test_support.h"

namespace etalase::leads {
namespace {

namespace fs = std::filesystem;
using std::chrono::system_clock;

const auto kMorning = system_clock::from_time_t(1796202000);  // 2026-12-02T09:00:00Z

LeadStore openStore(const fs::path& file) {
  auto store = LeadStore::open(file);
  if (!store) ADD_FAILURE() << store.error().text();
  return std::move(store.value());
}

// A typed lead with the fields the staff list shows.
Lead makeLead(std::string createdUtc, std::string name, std::vector<std::string> products = {}) {
  Lead lead;
  lead.uuid = newUuidV4();
  lead.deviceId = "kiosk-07";
  lead.createdUtc = std::move(createdUtc);
  lead.packId = "etalase-demo";
  lead.producerId = "lasem-batik";
  lead.productIds = std::move(products);
  lead.name = std::move(name);
  lead.countryCode = "ID";
  lead.consentGiven = true;
  lead.consentVersion = "2026-11-v1";
  lead.consentLanguage = "en";
  lead.visitorLanguage = "en";
  lead.source = kSourceTyped;
  return lead;
}

std::vector<std::string> namesOf(const Result<std::vector<Lead>>& leads) {
  if (!leads) {
    ADD_FAILURE() << leads.error().text();
    return {};
  }
  std::vector<std::string> names;
  for (const Lead& lead : leads.value()) names.push_back(lead.name);
  return names;
}

std::vector<std::string> listNames(const LeadStore& store, const LeadListQuery& query) {
  return namesOf(store.list(query));
}

LeadListQuery searchFor(std::string text) {
  LeadListQuery query;
  query.search = std::move(text);
  return query;
}

std::int64_t countMatching(const LeadStore& store, const LeadListQuery& query) {
  auto count = store.countMatching(query);
  if (!count) {
    ADD_FAILURE() << count.error().text();
    return -1;
  }
  return count.value();
}

// The names forEach() hands to an export, in its order.
std::vector<std::string> exportedNames(const LeadStore& store, const LeadFilter& filter) {
  std::vector<std::string> names;
  auto error = store.forEach(filter, [&](const Lead& lead) {
    names.push_back(lead.name);
    return true;
  });
  if (error) ADD_FAILURE() << error->text();
  return names;
}

std::vector<ExportLogEntry> logOf(const LeadStore& store, std::size_t limit = 100) {
  auto entries = store.exportLog(limit);
  if (!entries) {
    ADD_FAILURE() << entries.error().text();
    return {};
  }
  return entries.value();
}

// The raw bytes of a file on disk; empty when it does not exist.
std::string fileBytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

fs::path walFile(const fs::path& file) { return fs::path(file.string() + "-wal"); }

std::string databaseAndWalBytes(const fs::path& file) {
  return fileBytes(file) + fileBytes(walFile(file));
}

bool holds(const std::string& bytes, const std::string& needle) {
  return bytes.find(needle) != std::string::npos;
}

using test_sql::openRaw;
using test_sql::insertOldLead;
using test_sql::queryNumber;

// ---------------------------------------------------------------------------------------------
// The lead list

TEST(StaffLeadList, NewestFirstWithEveryLeadsProducts) {
  const fs::path file = test::freshTempDirectory("staff-list-order") / "leads.db";
  LeadStore store = openStore(file);
  const Lead budi = makeLead("2026-12-02T10:00:00.000Z", "Budi Santoso", {"teak-root-table"});
  Lead siti = makeLead("2026-12-02T12:00:00.000Z", "Siti Rahmawati",
                       {"batik-tulis-lasem", "pekalongan-sarong", "teak-root-table"});
  siti.company = "PT Nusantara Dagang Jaya";
  siti.email = "siti.rahmawati@gmail.com";
  const Lead tan = makeLead("2026-12-02T09:00:00.000Z", "Tan Wei Ming");
  const Lead lim = makeLead("2026-12-02T11:00:00.000Z", "Lim Mei Ling", {"bamboo-basket"});
  // The same second as Siti, stored after her: the later one is the newer.
  const Lead ahmad = makeLead("2026-12-02T12:00:00.000Z", "Ahmad Faizal", {"snakeskin-handbag"});
  for (const Lead& lead : {budi, siti, tan, lim, ahmad}) ASSERT_FALSE(store.add(lead));

  auto leads = store.list({});
  ASSERT_TRUE(leads) << leads.error().text();
  EXPECT_EQ(namesOf(leads),
            (std::vector<std::string>{"Ahmad Faizal", "Siti Rahmawati", "Lim Mei Ling",
                                      "Budi Santoso", "Tan Wei Ming"}));
  ASSERT_EQ(leads.value().size(), 5u);
  EXPECT_EQ(leads.value()[0], ahmad);
  EXPECT_EQ(leads.value()[1], siti);  // every field, products in the visitor's order
  EXPECT_EQ(leads.value()[2].productIds, std::vector<std::string>{"bamboo-basket"});
  EXPECT_EQ(leads.value()[3].productIds, std::vector<std::string>{"teak-root-table"});
  EXPECT_TRUE(leads.value()[4].productIds.empty());
  EXPECT_EQ(countMatching(store, {}), 5);
}

TEST(StaffLeadList, SearchFindsNameCompanyEmailPhoneAndNotesInAnyCase) {
  const fs::path file = test::freshTempDirectory("staff-list-search") / "leads.db";
  LeadStore store = openStore(file);
  Lead ahmad = makeLead("2026-12-02T10:00:00.000Z", "Ahmad Faizal bin Ismail");
  ahmad.company = "Syarikat Perdana Niaga Sdn Bhd";
  ahmad.email = "faizal.ismail@niaga.com.my";
  ahmad.phone = "+60123456789";
  Lead ivan = makeLead("2026-12-02T11:00:00.000Z", "Иван Петров");
  ivan.company = "ООО «Восток Импорт»";
  ivan.email = "ivan.petrov@yandex.ru";
  ivan.phone = "+79161234567";
  Lead emily = makeLead("2026-12-02T12:00:00.000Z", "Emily Johnson");
  emily.company = "Harbor & Loom Imports Inc.";
  emily.email = "emily.johnson@harborloom.com";
  emily.phone = "+14155550123";
  emily.message = "Please send the catalogue";  // the message is not searched
  Lead wang = makeLead("2026-12-02T13:00:00.000Z", "王芳");
  wang.company = "广州华南进出口有限公司";
  wang.email = "wang.fang@163.com";
  wang.phone = "+8613812345678";
  for (const Lead& lead : {ahmad, ivan, emily, wang}) ASSERT_FALSE(store.add(lead));
  ASSERT_FALSE(
      store.annotate(emily.uuid, kRatingHot, "Wants SAMPLES of the teak root table", false));

  const std::pair<const char*, std::vector<std::string>> cases[] = {
      {"aHMAD", {"Ahmad Faizal bin Ismail"}},          // name, other case
      {"PERDANA niaga", {"Ahmad Faizal bin Ismail"}},  // company only
      {"@YANDEX.ru", {"Иван Петров"}},                 // e-mail
      {"3812345", {"王芳"}},                           // phone
      {"+1415", {"Emily Johnson"}},                    // phone with its plus
      {"samples", {"Emily Johnson"}},                  // staff notes only
      {"华南", {"王芳"}},                              // company in Chinese
      {"Петров", {"Иван Петров"}},                     // name in Cyrillic
      {"catalogue", {}},                               // only in the message
      {"nobody at all", {}},
  };
  for (const auto& [text, expected] : cases) {
    EXPECT_EQ(listNames(store, searchFor(text)), expected) << "search: " << text;
    EXPECT_EQ(countMatching(store, searchFor(text)), static_cast<std::int64_t>(expected.size()))
        << "search: " << text;
  }
}

TEST(StaffLeadList, PercentUnderscoreAndBackslashInTheSearchAreTakenLiterally) {
  const fs::path file = test::freshTempDirectory("staff-list-literal") / "leads.db";
  LeadStore store = openStore(file);
  Lead percent = makeLead("2026-12-02T10:00:00.000Z", "Percent Person");
  percent.company = "100% Organic Sdn Bhd";
  Lead underscore = makeLead("2026-12-02T11:00:00.000Z", "Under Person");
  underscore.email = "under_score@example.com";
  Lead plain = makeLead("2026-12-02T12:00:00.000Z", "Plain Person");
  plain.company = "Plain Trading Co";
  plain.email = "plain@example.com";
  Lead backslash = makeLead("2026-12-02T13:00:00.000Z", "Back\\slash Person");
  for (const Lead& lead : {percent, underscore, plain, backslash}) ASSERT_FALSE(store.add(lead));

  EXPECT_EQ(listNames(store, searchFor("%")), std::vector<std::string>{"Percent Person"});
  EXPECT_EQ(countMatching(store, searchFor("%")), 1);
  EXPECT_EQ(listNames(store, searchFor("0% o")), std::vector<std::string>{"Percent Person"});
  EXPECT_EQ(listNames(store, searchFor("_")), std::vector<std::string>{"Under Person"});
  EXPECT_EQ(countMatching(store, searchFor("_")), 1);
  EXPECT_EQ(listNames(store, searchFor("r_s")), std::vector<std::string>{"Under Person"});
  EXPECT_EQ(listNames(store, searchFor("%%")), std::vector<std::string>{});
  EXPECT_EQ(listNames(store, searchFor("\\")), std::vector<std::string>{"Back\\slash Person"});
}

TEST(StaffLeadList, FiltersByDayRangeFromIncludedBeforeExcluded) {
  const fs::path file = test::freshTempDirectory("staff-list-days") / "leads.db";
  LeadStore store = openStore(file);
  for (const Lead& lead : {makeLead("2026-12-01T23:59:59.999Z", "Late Monday"),
                           makeLead("2026-12-02T00:00:00.000Z", "Midnight Tuesday"),
                           makeLead("2026-12-02T23:59:59.999Z", "Late Tuesday"),
                           makeLead("2026-12-03T00:00:00.000Z", "Midnight Wednesday")}) {
    ASSERT_FALSE(store.add(lead));
  }
  LeadListQuery tuesday;
  tuesday.fromUtc = "2026-12-02T00:00:00.000Z";
  tuesday.beforeUtc = "2026-12-03T00:00:00.000Z";
  EXPECT_EQ(listNames(store, tuesday),
            (std::vector<std::string>{"Late Tuesday", "Midnight Tuesday"}));
  EXPECT_EQ(countMatching(store, tuesday), 2);

  LeadListQuery fromTuesday;
  fromTuesday.fromUtc = "2026-12-02T00:00:00.000Z";
  EXPECT_EQ(listNames(store, fromTuesday),
            (std::vector<std::string>{"Midnight Wednesday", "Late Tuesday", "Midnight Tuesday"}));
  EXPECT_EQ(countMatching(store, fromTuesday), 3);

  LeadListQuery beforeTuesday;
  beforeTuesday.beforeUtc = "2026-12-02T00:00:00.000Z";
  EXPECT_EQ(listNames(store, beforeTuesday), std::vector<std::string>{"Late Monday"});
  EXPECT_EQ(countMatching(store, beforeTuesday), 1);
}

TEST(StaffLeadList, FiltersByProductAndStillShowsEachLeadsOtherProducts) {
  const fs::path file = test::freshTempDirectory("staff-list-product") / "leads.db";
  LeadStore store = openStore(file);
  for (const Lead& lead :
       {makeLead("2026-12-02T10:00:00.000Z", "Batik And Sarong",
                 {"batik-tulis-lasem", "pekalongan-sarong"}),
        makeLead("2026-12-02T11:00:00.000Z", "Sarong Only", {"pekalongan-sarong"}),
        makeLead("2026-12-02T12:00:00.000Z", "Teak Only", {"teak-root-table"}),
        makeLead("2026-12-02T13:00:00.000Z", "No Product")}) {
    ASSERT_FALSE(store.add(lead));
  }
  LeadListQuery sarong;
  sarong.productId = "pekalongan-sarong";
  auto leads = store.list(sarong);
  EXPECT_EQ(namesOf(leads), (std::vector<std::string>{"Sarong Only", "Batik And Sarong"}));
  ASSERT_TRUE(leads);
  ASSERT_EQ(leads.value().size(), 2u);
  EXPECT_EQ(leads.value()[1].productIds,
            (std::vector<std::string>{"batik-tulis-lasem", "pekalongan-sarong"}));
  EXPECT_EQ(countMatching(store, sarong), 2);

  LeadListQuery batik;
  batik.productId = "batik-tulis-lasem";
  EXPECT_EQ(listNames(store, batik), std::vector<std::string>{"Batik And Sarong"});
  EXPECT_EQ(countMatching(store, batik), 1);

  LeadListQuery prefix;  // a product id is matched whole
  prefix.productId = "pekalongan";
  EXPECT_EQ(listNames(store, prefix), std::vector<std::string>{});
  EXPECT_EQ(countMatching(store, prefix), 0);
}

TEST(StaffLeadList, FiltersByRatingWithEmptyMeaningNotRatedYet) {
  const fs::path file = test::freshTempDirectory("staff-list-rating") / "leads.db";
  LeadStore store = openStore(file);
  const Lead hot = makeLead("2026-12-02T10:00:00.000Z", "Hot Buyer");
  const Lead warm = makeLead("2026-12-02T11:00:00.000Z", "Warm Buyer");
  const Lead cold = makeLead("2026-12-02T12:00:00.000Z", "Cold Buyer");
  const Lead unrated = makeLead("2026-12-02T13:00:00.000Z", "Unrated Buyer");
  const Lead notesOnly = makeLead("2026-12-02T14:00:00.000Z", "Notes Only Buyer");
  for (const Lead& lead : {hot, warm, cold, unrated, notesOnly}) ASSERT_FALSE(store.add(lead));
  ASSERT_FALSE(store.annotate(hot.uuid, kRatingHot, "", false));
  ASSERT_FALSE(store.annotate(warm.uuid, kRatingWarm, "", true));
  ASSERT_FALSE(store.annotate(cold.uuid, kRatingCold, "", false));
  ASSERT_FALSE(store.annotate(notesOnly.uuid, "", "met at the stand", true));

  const std::pair<std::optional<std::string>, std::vector<std::string>> cases[] = {
      {kRatingHot, {"Hot Buyer"}},
      {kRatingWarm, {"Warm Buyer"}},
      {kRatingCold, {"Cold Buyer"}},
      {"", {"Notes Only Buyer", "Unrated Buyer"}},
      {std::nullopt,
       {"Notes Only Buyer", "Unrated Buyer", "Cold Buyer", "Warm Buyer", "Hot Buyer"}},
  };
  for (const auto& [rating, expected] : cases) {
    LeadListQuery query;
    query.rating = rating;
    EXPECT_EQ(listNames(store, query), expected) << "rating: " << rating.value_or("(any)");
    EXPECT_EQ(countMatching(store, query), static_cast<std::int64_t>(expected.size()))
        << "rating: " << rating.value_or("(any)");
  }
}

TEST(StaffLeadList, FollowUpOnlyShowsTheFlaggedLeads) {
  const fs::path file = test::freshTempDirectory("staff-list-follow-up") / "leads.db";
  LeadStore store = openStore(file);
  const Lead flagged = makeLead("2026-12-02T10:00:00.000Z", "Call Back Soon");
  const Lead notFlagged = makeLead("2026-12-02T11:00:00.000Z", "Rated Not Flagged");
  const Lead untouched = makeLead("2026-12-02T12:00:00.000Z", "Untouched");
  const Lead unflaggedLater = makeLead("2026-12-02T13:00:00.000Z", "Flag Taken Back");
  for (const Lead& lead : {flagged, notFlagged, untouched, unflaggedLater})
    ASSERT_FALSE(store.add(lead));
  ASSERT_FALSE(store.annotate(flagged.uuid, kRatingWarm, "call after the fair", true));
  ASSERT_FALSE(store.annotate(notFlagged.uuid, kRatingHot, "", false));
  ASSERT_FALSE(store.annotate(unflaggedLater.uuid, "", "", true));
  ASSERT_FALSE(store.annotate(unflaggedLater.uuid, "", "", false));

  LeadListQuery followUp;
  followUp.followUpOnly = true;
  EXPECT_EQ(listNames(store, followUp), std::vector<std::string>{"Call Back Soon"});
  EXPECT_EQ(countMatching(store, followUp), 1);

  followUp.rating = kRatingHot;  // filters combine
  EXPECT_EQ(listNames(store, followUp), std::vector<std::string>{});
  EXPECT_EQ(countMatching(store, followUp), 0);
}

TEST(StaffLeadList, LimitKeepsTheNewestAndCountMatchingIgnoresIt) {
  const fs::path file = test::freshTempDirectory("staff-list-limit") / "leads.db";
  LeadStore store = openStore(file);
  for (int hour = 10; hour <= 16; ++hour) {
    ASSERT_FALSE(store.add(makeLead("2026-12-02T" + std::to_string(hour) + ":00:00.000Z",
                                    "Visitor " + std::to_string(hour), {"teak-root-table"})));
  }
  LeadListQuery three;
  three.limit = 3;
  auto leads = store.list(three);
  EXPECT_EQ(namesOf(leads), (std::vector<std::string>{"Visitor 16", "Visitor 15", "Visitor 14"}));
  ASSERT_TRUE(leads);
  for (const Lead& lead : leads.value()) {
    EXPECT_EQ(lead.productIds, std::vector<std::string>{"teak-root-table"}) << lead.name;
  }
  EXPECT_EQ(countMatching(store, three), 7);

  LeadListQuery afternoon;
  afternoon.fromUtc = "2026-12-02T13:00:00.000Z";
  afternoon.productId = "teak-root-table";
  afternoon.limit = 2;
  EXPECT_EQ(listNames(store, afternoon), (std::vector<std::string>{"Visitor 16", "Visitor 15"}));
  EXPECT_EQ(countMatching(store, afternoon), 4);
}

TEST(StaffLeadList, FindReturnsTheLeadWithProductsOrNothing) {
  const fs::path file = test::freshTempDirectory("staff-find") / "leads.db";
  LeadStore store = openStore(file);
  Lead lead =
      makeLead("2026-12-02T10:00:00.000Z", "陈静", {"snakeskin-handbag", "batik-tulis-lasem"});
  lead.email = "chen.jing@163.com";
  lead.source = kSourceScannedCamera;
  lead.rawCard = "MECARD:N:陈静;EMAIL:chen.jing@163.com;;";
  ASSERT_FALSE(store.add(lead));
  ASSERT_FALSE(
      store.add(makeLead("2026-12-02T11:00:00.000Z", "Someone Else", {"teak-root-table"})));

  auto found = store.find(lead.uuid);
  ASSERT_TRUE(found) << found.error().text();
  ASSERT_TRUE(found.value().has_value());
  EXPECT_EQ(*found.value(), lead);

  auto missing = store.find(newUuidV4());
  ASSERT_TRUE(missing) << missing.error().text();
  EXPECT_FALSE(missing.value().has_value());
}

// ---------------------------------------------------------------------------------------------
// Rating and notes

TEST(StaffAnnotate, RatingNotesAndFollowUpStayAfterReopening) {
  const fs::path file = test::freshTempDirectory("staff-annotate") / "leads.db";
  Lead lead = makeLead("2026-12-02T10:00:00.000Z", "王芳", {"batik-tulis-lasem"});
  const std::string notes = "客户想要样品 🎉👍 — call after the fair\nsecond line 'quoted'";
  {
    LeadStore store = openStore(file);
    ASSERT_FALSE(store.add(lead));
    ASSERT_FALSE(store.add(makeLead("2026-12-02T11:00:00.000Z", "Not Annotated")));
    ASSERT_FALSE(store.annotate(lead.uuid, kRatingWarm, notes, true));
  }
  {
    LeadStore store = openStore(file);
    auto found = store.find(lead.uuid);
    ASSERT_TRUE(found) << found.error().text();
    ASSERT_TRUE(found.value().has_value());
    Lead expected = lead;
    expected.rating = kRatingWarm;
    expected.staffNotes = notes;
    expected.followUp = kFollowUpYes;
    EXPECT_EQ(*found.value(), expected);  // the visitor's own fields untouched
    auto others = store.list(searchFor("Not Annotated"));
    ASSERT_TRUE(others);
    ASSERT_EQ(others.value().size(), 1u);
    EXPECT_EQ(others.value()[0].rating, "");
    EXPECT_EQ(others.value()[0].staffNotes, "");
    EXPECT_EQ(others.value()[0].followUp, "");
    // Taken back: no rating, no notes, no follow-up.
    ASSERT_FALSE(store.annotate(lead.uuid, "", "", false));
  }
  LeadStore store = openStore(file);
  auto found = store.find(lead.uuid);
  ASSERT_TRUE(found);
  ASSERT_TRUE(found.value().has_value());
  EXPECT_EQ(*found.value(), lead);
}

TEST(StaffAnnotate, AnUnknownRatingIsRefusedAndTheLeadKeepsItsOwn) {
  const fs::path file = test::freshTempDirectory("staff-annotate-bad") / "leads.db";
  LeadStore store = openStore(file);
  const Lead lead = makeLead("2026-12-02T10:00:00.000Z", "Budi Santoso");
  ASSERT_FALSE(store.add(lead));
  ASSERT_FALSE(store.annotate(lead.uuid, kRatingHot, "first notes", true));
  for (const char* rating : {"lukewarm", "HOT", " hot", "5"}) {
    auto error = store.annotate(lead.uuid, rating, "changed notes", false);
    EXPECT_TRUE(error) << "rating: " << rating;
  }
  auto found = store.find(lead.uuid);
  ASSERT_TRUE(found);
  ASSERT_TRUE(found.value().has_value());
  EXPECT_EQ(found.value()->rating, kRatingHot);
  EXPECT_EQ(found.value()->staffNotes, "first notes");
  EXPECT_EQ(found.value()->followUp, kFollowUpYes);
}

TEST(StaffAnnotate, AnErasedOrUnknownLeadGivesAnErrorWithoutTheNotes) {
  const fs::path file = test::freshTempDirectory("staff-annotate-erased") / "leads.db";
  LeadStore store = openStore(file);
  const Lead lead = makeLead("2026-12-02T10:00:00.000Z", "Erased Meanwhile");
  ASSERT_FALSE(store.add(lead));
  ASSERT_FALSE(store.erase(lead.uuid));
  const std::string notes = "private remark about Erased Meanwhile";
  auto error = store.annotate(lead.uuid, kRatingCold, notes, true);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->where, file.string());
  EXPECT_FALSE(holds(error->text(), notes));
  EXPECT_TRUE(store.annotate(newUuidV4(), kRatingCold, "", false));
  EXPECT_EQ(store.count().value(), 0);
}

// ---------------------------------------------------------------------------------------------
// Erasure

TEST(StaffErase, TheLeadAndItsProductsAreGoneFromListCountsAndExports) {
  const fs::path file = test::freshTempDirectory("staff-erase") / "leads.db";
  const Lead erased = makeLead("2026-12-02T10:00:00.000Z", "Zofia Brzęczyszczykiewicz",
                               {"batik-tulis-lasem", "teak-root-table"});
  const Lead kept = makeLead("2026-12-02T11:00:00.000Z", "Kept Visitor", {"teak-root-table"});
  {
    LeadStore store = openStore(file);
    ASSERT_FALSE(store.add(erased));
    ASSERT_FALSE(store.add(kept));
    ASSERT_FALSE(store.erase(erased.uuid));

    EXPECT_EQ(store.count().value(), 1);
    EXPECT_EQ(listNames(store, {}), std::vector<std::string>{"Kept Visitor"});
    EXPECT_EQ(countMatching(store, {}), 1);
    EXPECT_EQ(listNames(store, searchFor("Zofia")), std::vector<std::string>{});
    EXPECT_EQ(exportedNames(store, {}), std::vector<std::string>{"Kept Visitor"});
    EXPECT_FALSE(store.contains(erased.uuid).value());
    auto found = store.find(erased.uuid);
    ASSERT_TRUE(found);
    EXPECT_FALSE(found.value().has_value());
    auto stats = store.leadStats(0);
    ASSERT_TRUE(stats) << stats.error().text();
    EXPECT_EQ(stats.value().total, 1);
    EXPECT_EQ(stats.value().perProduct,
              (std::vector<std::pair<std::string, std::int64_t>>{{"teak-root-table", 1}}));
  }
  LeadStore reopened = openStore(file);  // erased for good
  EXPECT_EQ(listNames(reopened, {}), std::vector<std::string>{"Kept Visitor"});
  SqlitePtr db = openRaw(file);
  EXPECT_EQ(queryNumber(db.get(), "SELECT count(*) FROM lead_products"), 1);
  EXPECT_EQ(
      queryNumber(db.get(),
                  "SELECT count(*) FROM lead_products WHERE product_id = 'batik-tulis-lasem'"),
      0);
}

TEST(StaffErase, TheExportLogNotesOneErasureWithoutNamingThePerson) {
  const fs::path file = test::freshTempDirectory("staff-erase-log") / "leads.db";
  LeadStore store = openStore(file);
  Lead erased =
      makeLead("2026-12-02T10:00:00.000Z", "Zofia Brzęczyszczykiewicz", {"teak-root-table"});
  erased.company = "Zofia Handel Sp. z o.o.";
  erased.email = "zofia.b@handel.example";
  erased.phone = "+48601234567";
  ASSERT_FALSE(store.add(erased));
  ASSERT_FALSE(store.add(makeLead("2026-12-02T11:00:00.000Z", "Kept Visitor")));
  ASSERT_FALSE(store.erase(erased.uuid));

  const auto log = logOf(store);
  ASSERT_EQ(log.size(), 1u);
  const ExportLogEntry& entry = log[0];
  EXPECT_EQ(entry.kind, "erasure");
  EXPECT_EQ(entry.leads, 1);
  EXPECT_FALSE(entry.atUtc.empty());
  const std::string everything =
      entry.atUtc + "|" + entry.kind + "|" + entry.format + "|" + entry.file + "|" + entry.outcome;
  for (const std::string& personal : {erased.name, std::string("Zofia"), erased.company,
                                      erased.email, erased.phone, erased.uuid}) {
    EXPECT_FALSE(holds(everything, personal)) << "the log entry names the person: " << everything;
  }
}

// Erases one distinctive lead among others and looks for its bytes in the files on disk.
void expectErasedFromTheFiles(const std::string& directory, int fillers,
                              std::size_t messageLength) {
  const fs::path file = test::freshTempDirectory(directory) / "leads.db";
  LeadStore store = openStore(file);
  SyntheticLeads synthetic(11);
  for (int i = 0; i < fillers / 2; ++i) ASSERT_FALSE(store.add(synthetic.next()));

  Lead erased = makeLead("2026-12-02T10:00:00.000Z", "Quillon Vexbury", {"teak-root-table"});
  erased.company = "Vexbury Quillworks Ltd";
  erased.email = "quillon.vexbury@erase-me.example";
  erased.phone = "+628991122334455";
  std::string message = "QVX message:";
  while (message.size() < messageLength) message += " Quillon Vexbury wants teak";
  erased.message = message;
  ASSERT_FALSE(store.add(erased));
  Lead control =
      makeLead("2026-12-02T10:30:00.000Z", "Control Persimmonfield", {"teak-root-table"});
  control.email = "persimmon.control@keep-me.example";
  ASSERT_FALSE(store.add(control));
  for (int i = 0; i < fillers - fillers / 2; ++i) ASSERT_FALSE(store.add(synthetic.next()));
  // Staff rated and noted the lead twice: the notes' old version was in the file too.
  ASSERT_FALSE(store.annotate(erased.uuid, kRatingHot, "QVX-OLD-NOTE call Quillon", true));
  ASSERT_FALSE(store.annotate(erased.uuid, kRatingHot, "QVX-NEW-NOTE samples sent", true));

  const std::vector<std::string> personal = {
      "Quillon Vexbury",    "quillon.vexbury@erase-me.example",
      "Vexbury Quillworks", "+628991122334455",
      "QVX-OLD-NOTE",       "QVX-NEW-NOTE",
      "QVX message"};
  // The check below can see the lead where it lies before the erasure (database or WAL).
  const std::string before = databaseAndWalBytes(file);
  for (const std::string& needle : personal) {
    if (needle != "QVX-OLD-NOTE") {  // may already be overwritten in place
      ASSERT_TRUE(holds(before, needle)) << "not found before the erasure: " << needle;
    }
  }

  ASSERT_FALSE(store.erase(erased.uuid));
  const std::string database = fileBytes(file);
  const std::string wal = fileBytes(walFile(file));
  ASSERT_FALSE(database.empty());
  for (const std::string& needle : personal) {
    EXPECT_FALSE(holds(database, needle)) << "still in " << file << ": " << needle;
    EXPECT_FALSE(holds(wal, needle)) << "still in " << walFile(file) << ": " << needle;
  }
  // The control: a lead stored beside it is still there, so the search does see leads.
  EXPECT_TRUE(holds(database + wal, "Control Persimmonfield"));
  EXPECT_TRUE(holds(database + wal, "persimmon.control@keep-me.example"));
  auto found = store.find(control.uuid);
  ASSERT_TRUE(found);
  EXPECT_TRUE(found.value().has_value());
  EXPECT_FALSE(store.integrityCheck());
}

TEST(StaffErase, TheErasedPersonsBytesLeaveTheDatabaseAndWalFiles) {
  expectErasedFromTheFiles("staff-erase-bytes", 6, 40);
}

TEST(StaffErase, ALongLeadAmongManyLeavesNoBytesEither) {
  // A message larger than a page (overflow pages) and enough leads for several table pages.
  expectErasedFromTheFiles("staff-erase-bytes-long", 300, 6000);
}

TEST(StaffErase, AnUnknownLeadGivesAnErrorAndChangesNothing) {
  const fs::path file = test::freshTempDirectory("staff-erase-unknown") / "leads.db";
  LeadStore store = openStore(file);
  const Lead lead = makeLead("2026-12-02T10:00:00.000Z", "Stays Here");
  ASSERT_FALSE(store.add(lead));
  auto error = store.erase(newUuidV4());
  ASSERT_TRUE(error);
  EXPECT_EQ(error->where, file.string());
  ASSERT_FALSE(store.erase(lead.uuid));
  EXPECT_TRUE(store.erase(lead.uuid));  // a second time: erased already
  EXPECT_EQ(store.count().value(), 0);
  const auto log = logOf(store);
  ASSERT_EQ(log.size(), 1u);  // only the one real erasure
  EXPECT_EQ(log[0].kind, "erasure");
}

TEST(StaffEraseAll, EmptiesTheStoreKeepsTheVisitCountersAndLogsIt) {
  const fs::path file = test::freshTempDirectory("staff-erase-all") / "leads.db";
  LeadStore store = openStore(file);
  SyntheticLeads synthetic(5);
  for (int i = 0; i < 5; ++i) ASSERT_FALSE(store.add(synthetic.next()));
  Lead distinctive = makeLead("2026-12-02T10:00:00.000Z", "Oswin Marrowgate", {"bamboo-basket"});
  distinctive.email = "oswin.marrowgate@erase-all.example";
  ASSERT_FALSE(store.add(distinctive));
  ASSERT_FALSE(store.countEvent(EventKind::ProductView, "bamboo-basket", kMorning));
  ASSERT_FALSE(store.countEvent(EventKind::ProductView, "bamboo-basket", kMorning));
  ASSERT_FALSE(store.countEvent(EventKind::FormSubmitted, "", kMorning));
  ASSERT_TRUE(holds(databaseAndWalBytes(file), "Oswin Marrowgate"));

  auto erased = store.eraseAll();
  ASSERT_TRUE(erased) << erased.error().text();
  EXPECT_EQ(erased.value(), 6);
  EXPECT_EQ(store.count().value(), 0);
  EXPECT_EQ(listNames(store, {}), std::vector<std::string>{});
  EXPECT_EQ(countMatching(store, {}), 0);
  EXPECT_EQ(exportedNames(store, {}), std::vector<std::string>{});
  EXPECT_EQ(store.leadStats(0).value().perProduct.size(), 0u);

  auto counters = store.counters();
  ASSERT_TRUE(counters) << counters.error().text();
  EXPECT_EQ(counters.value().totals.at(EventKind::ProductView), 2);
  EXPECT_EQ(counters.value().totals.at(EventKind::FormSubmitted), 1);
  EXPECT_EQ(counters.value().perProduct.at("bamboo-basket").at(EventKind::ProductView), 2);

  const auto log = logOf(store);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].kind, "erase-all");
  EXPECT_EQ(log[0].leads, 6);
  const std::string bytes = databaseAndWalBytes(file);
  EXPECT_FALSE(holds(bytes, "Oswin Marrowgate"));
  EXPECT_FALSE(holds(bytes, "oswin.marrowgate@erase-all.example"));
}

// ---------------------------------------------------------------------------------------------
// Retention

TEST(StaffRetention, DeletesOnlyOlderLeadsAndLogsOnlyWhenSomethingWent) {
  const fs::path file = test::freshTempDirectory("staff-retention") / "leads.db";
  LeadStore store = openStore(file);
  for (const Lead& lead :
       {makeLead("2026-10-01T08:00:00.000Z", "October Visitor", {"teak-root-table"}),
        makeLead("2026-11-14T23:59:59.999Z", "Just Too Old"),
        makeLead("2026-11-15T00:00:00.000Z", "Just Kept"),
        makeLead("2026-12-02T10:00:00.000Z", "December Visitor")}) {
    ASSERT_FALSE(store.add(lead));
  }
  const std::string cutoff = "2026-11-15T00:00:00.000Z";

  auto deleted = store.deleteCreatedBefore(cutoff, kMorning);
  ASSERT_TRUE(deleted) << deleted.error().text();
  EXPECT_EQ(deleted.value(), 2);
  EXPECT_EQ(listNames(store, {}), (std::vector<std::string>{"December Visitor", "Just Kept"}));
  EXPECT_EQ(exportedNames(store, {}), (std::vector<std::string>{"Just Kept", "December Visitor"}));
  EXPECT_FALSE(holds(databaseAndWalBytes(file), "October Visitor"));
  auto log = logOf(store);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].kind, "retention");
  EXPECT_EQ(log[0].leads, 2);
  EXPECT_EQ(log[0].atUtc, utcTimestamp(kMorning));
  EXPECT_EQ(log[0].atUtc, "2026-12-02T09:00:00.000Z");

  // Nothing older left: nothing deleted, nothing logged.
  auto again = store.deleteCreatedBefore(cutoff, kMorning + std::chrono::hours(24));
  ASSERT_TRUE(again) << again.error().text();
  EXPECT_EQ(again.value(), 0);
  EXPECT_EQ(store.count().value(), 2);
  EXPECT_EQ(logOf(store).size(), 1u);
}

// ---------------------------------------------------------------------------------------------
// "Only the leads not yet exported"

TEST(StaffExportMarks, AfterMarkingOnlyLeadsAddedLaterAreNotYetExported) {
  const fs::path file = test::freshTempDirectory("staff-export-marks") / "leads.db";
  LeadStore store = openStore(file);
  for (const char* name : {"First", "Second", "Third"}) {
    ASSERT_FALSE(store.add(makeLead("2026-12-02T10:00:00.000Z", name)));
  }
  EXPECT_EQ(store.countNotExported().value(), 3);

  auto marked = store.markExported({}, kMorning);
  ASSERT_TRUE(marked) << marked.error().text();
  EXPECT_EQ(marked.value(), 3);
  EXPECT_EQ(store.countNotExported().value(), 0);

  ASSERT_FALSE(store.add(makeLead("2026-12-02T11:00:00.000Z", "Fourth")));
  // Created earlier than the others, saved later (a lead kept pending while the disk was full).
  ASSERT_FALSE(store.add(makeLead("2026-12-02T09:30:00.000Z", "Fifth From Pending")));
  EXPECT_EQ(store.countNotExported().value(), 2);

  LeadFilter notYet;
  notYet.notYetExported = true;
  EXPECT_EQ(exportedNames(store, notYet),
            (std::vector<std::string>{"Fifth From Pending", "Fourth"}));
  EXPECT_EQ(store.count(notYet).value(), 2);
  EXPECT_EQ(exportedNames(store, {}).size(), 5u);  // a full export still has them all
  EXPECT_EQ(store.count(LeadFilter{}).value(), 5);

  auto markedAgain = store.markExported(notYet, kMorning + std::chrono::hours(1));
  ASSERT_TRUE(markedAgain);
  EXPECT_EQ(markedAgain.value(), 2);
  EXPECT_EQ(store.countNotExported().value(), 0);
  EXPECT_EQ(exportedNames(store, notYet), std::vector<std::string>{});
}

TEST(StaffExportMarks, ALeadSavedDuringAnExportIsNotMarked) {
  const fs::path file = test::freshTempDirectory("staff-export-race") / "leads.db";
  LeadStore store = openStore(file);
  ASSERT_FALSE(store.add(makeLead("2026-12-02T10:00:00.000Z", "Before Export A")));
  ASSERT_FALSE(store.add(makeLead("2026-12-02T11:00:00.000Z", "Before Export B")));

  // What the export runner does: read lastRowId(), export, then mark with the same filter.
  auto lastRow = store.lastRowId();
  ASSERT_TRUE(lastRow) << lastRow.error().text();
  EXPECT_GT(lastRow.value(), 0);
  LeadFilter filter;
  filter.maxRowId = lastRow.value();
  filter.notYetExported = true;
  // The kiosk saves a lead while the file is written; created earlier than both (from pending).
  ASSERT_FALSE(store.add(makeLead("2026-12-02T08:00:00.000Z", "Saved During Export")));
  EXPECT_EQ(exportedNames(store, filter),
            (std::vector<std::string>{"Before Export A", "Before Export B"}));
  EXPECT_EQ(store.count(filter).value(), 2);

  auto marked = store.markExported(filter, kMorning);
  ASSERT_TRUE(marked) << marked.error().text();
  EXPECT_EQ(marked.value(), 2);
  EXPECT_EQ(store.countNotExported().value(), 1);
  LeadFilter notYet;
  notYet.notYetExported = true;
  EXPECT_EQ(exportedNames(store, notYet), std::vector<std::string>{"Saved During Export"});
}

// lastRowId() is 0 on an empty store: that must mean "no lead", not "no limit", or an export of an
// empty store would mark a lead the kiosk saved while the (empty) file was written, and "only not
// yet exported" would never export it.
TEST(StaffExportMarks, ALeadSavedDuringAnExportOfAnEmptyStoreIsNotMarked) {
  const fs::path file = test::freshTempDirectory("staff-export-race-empty") / "leads.db";
  LeadStore store = openStore(file);
  auto lastRow = store.lastRowId();
  ASSERT_TRUE(lastRow) << lastRow.error().text();
  EXPECT_EQ(lastRow.value(), 0);
  LeadFilter filter;
  filter.maxRowId = lastRow.value();
  filter.notYetExported = true;
  EXPECT_EQ(exportedNames(store, filter), std::vector<std::string>{});  // the export writes nothing
  ASSERT_FALSE(store.add(makeLead("2026-12-02T10:00:00.000Z", "Saved During Export")));

  auto marked = store.markExported(filter, kMorning);
  ASSERT_TRUE(marked) << marked.error().text();
  EXPECT_EQ(marked.value(), 0) << "a lead no export wrote was marked as exported";
  EXPECT_EQ(store.countNotExported().value(), 1);
}

// ---------------------------------------------------------------------------------------------
// The export log

TEST(StaffExportLog, NewestFirstUpToTheLimitWithTheTimeFilledIn) {
  const fs::path file = test::freshTempDirectory("staff-export-log") / "leads.db";
  {
    LeadStore store = openStore(file);
    EXPECT_EQ(logOf(store).size(), 0u);
    ASSERT_FALSE(store.addLogEntry({"2026-12-02T10:00:00.000Z", "export", "csv",
                                    "etalase-kiosk-07-20261202-1000.csv", 12, "done"}));
    ASSERT_FALSE(store.addLogEntry(
        {"", "export", "xlsx", "etalase-kiosk-07-20261202-1100.xlsx", 0, "cancelled"}));
  }
  LeadStore store = openStore(file);
  const std::string before = utcTimestamp(system_clock::now());
  ASSERT_FALSE(store.addLogEntry(
      {"", "export", "jsonl", "etalase-kiosk-07.jsonl", 0, "no space left on the stick"}));
  const std::string after = utcTimestamp(system_clock::now());

  const auto newest = logOf(store, 2);
  ASSERT_EQ(newest.size(), 2u);
  EXPECT_EQ(newest[0].format, "jsonl");
  EXPECT_EQ(newest[0].outcome, "no space left on the stick");
  EXPECT_GE(newest[0].atUtc, before);
  EXPECT_LE(newest[0].atUtc, after);
  EXPECT_EQ(newest[1].format, "xlsx");
  EXPECT_EQ(newest[1].outcome, "cancelled");
  ASSERT_EQ(newest[1].atUtc.size(), std::string("2026-12-02T10:00:00.000Z").size())
      << newest[1].atUtc;
  EXPECT_EQ(newest[1].atUtc[10], 'T');
  EXPECT_EQ(newest[1].atUtc.back(), 'Z');

  const auto all = logOf(store, 10);
  ASSERT_EQ(all.size(), 3u);
  const ExportLogEntry& oldest = all[2];
  EXPECT_EQ(oldest.atUtc, "2026-12-02T10:00:00.000Z");
  EXPECT_EQ(oldest.kind, "export");
  EXPECT_EQ(oldest.format, "csv");
  EXPECT_EQ(oldest.file, "etalase-kiosk-07-20261202-1000.csv");
  EXPECT_EQ(oldest.leads, 12);
  EXPECT_EQ(oldest.outcome, "done");
  EXPECT_EQ(logOf(store, 1).size(), 1u);
  EXPECT_EQ(logOf(store, 0).size(), 0u);
}

// ---------------------------------------------------------------------------------------------
// The dashboard's counts

TEST(StaffStats, TotalsBySourceRatingAndFollowUp) {
  const fs::path file = test::freshTempDirectory("staff-stats-totals") / "leads.db";
  LeadStore store = openStore(file);
  Lead typedHot = makeLead("2026-12-02T10:00:00.000Z", "Typed Hot");
  Lead typedWarm = makeLead("2026-12-02T10:10:00.000Z", "Typed Warm");
  Lead keyboardCold = makeLead("2026-12-02T10:20:00.000Z", "Keyboard Cold");
  keyboardCold.source = kSourceScannedKeyboard;
  Lead cameraUnrated = makeLead("2026-12-02T10:30:00.000Z", "Camera Unrated");
  cameraUnrated.source = kSourceScannedCamera;
  Lead typedUnrated = makeLead("2026-12-02T10:40:00.000Z", "Typed Unrated");
  for (const Lead& lead : {typedHot, typedWarm, keyboardCold, cameraUnrated, typedUnrated}) {
    ASSERT_FALSE(store.add(lead));
  }
  ASSERT_FALSE(store.annotate(typedHot.uuid, kRatingHot, "", true));
  ASSERT_FALSE(store.annotate(typedWarm.uuid, kRatingWarm, "", false));
  ASSERT_FALSE(store.annotate(keyboardCold.uuid, kRatingCold, "", true));
  ASSERT_FALSE(store.annotate(typedUnrated.uuid, "", "notes but no rating", false));

  auto stats = store.leadStats(0);
  ASSERT_TRUE(stats) << stats.error().text();
  EXPECT_EQ(stats.value().total, 5);
  EXPECT_EQ(stats.value().typed, 3);
  EXPECT_EQ(stats.value().scanned, 2);
  EXPECT_EQ(stats.value().hot, 1);
  EXPECT_EQ(stats.value().warm, 1);
  EXPECT_EQ(stats.value().cold, 1);
  EXPECT_EQ(stats.value().unrated, 2);
  EXPECT_EQ(stats.value().followUp, 2);

  LeadStore empty = openStore(test::freshTempDirectory("staff-stats-empty") / "leads.db");
  auto none = empty.leadStats(420);
  ASSERT_TRUE(none) << none.error().text();
  EXPECT_EQ(none.value().total, 0);
  EXPECT_EQ(none.value().unrated, 0);
  EXPECT_TRUE(none.value().perHour.empty());
  EXPECT_TRUE(none.value().perDay.empty());
  EXPECT_TRUE(none.value().perProduct.empty());
}

TEST(StaffStats, HoursAndDaysAreTheStandsLocalTime) {
  const fs::path file = test::freshTempDirectory("staff-stats-hours") / "leads.db";
  LeadStore store = openStore(file);
  for (const char* created : {"2026-12-02T17:13:16.123Z", "2026-12-02T10:55:00.000Z",
                              "2026-12-01T16:59:59.999Z", "2026-12-02T10:05:00.000Z"}) {
    ASSERT_FALSE(store.add(makeLead(created, std::string("Visitor at ") + created)));
  }
  using Days = std::vector<std::pair<std::string, std::int64_t>>;
  using Hours = std::map<std::string, std::int64_t>;

  auto jakarta = store.leadStats(420);  // UTC+7
  ASSERT_TRUE(jakarta) << jakarta.error().text();
  EXPECT_EQ(jakarta.value().perHour,
            (Hours{{"2026-12-01T23", 1}, {"2026-12-02T17", 2}, {"2026-12-03T00", 1}}));
  EXPECT_EQ(jakarta.value().perDay,
            (Days{{"2026-12-01", 1}, {"2026-12-02", 2}, {"2026-12-03", 1}}));

  auto utc = store.leadStats(0);
  ASSERT_TRUE(utc);
  EXPECT_EQ(utc.value().perHour,
            (Hours{{"2026-12-01T16", 1}, {"2026-12-02T10", 2}, {"2026-12-02T17", 1}}));
  EXPECT_EQ(utc.value().perDay, (Days{{"2026-12-01", 1}, {"2026-12-02", 3}}));

  auto newYork = store.leadStats(-300);  // UTC-5
  ASSERT_TRUE(newYork);
  EXPECT_EQ(newYork.value().perHour,
            (Hours{{"2026-12-01T11", 1}, {"2026-12-02T05", 2}, {"2026-12-02T12", 1}}));
  EXPECT_EQ(newYork.value().perDay, (Days{{"2026-12-01", 1}, {"2026-12-02", 3}}));

  auto india = store.leadStats(330);  // UTC+5:30: the half hour moves leads between hours
  ASSERT_TRUE(india);
  EXPECT_EQ(
      india.value().perHour,
      (Hours{
          {"2026-12-01T22", 1}, {"2026-12-02T15", 1}, {"2026-12-02T16", 1}, {"2026-12-02T22", 1}}));
}

TEST(StaffStats, ProductsMostAskedFirstCountingEachLeadOnce) {
  const fs::path file = test::freshTempDirectory("staff-stats-products") / "leads.db";
  LeadStore store = openStore(file);
  for (const Lead& lead :
       {makeLead("2026-12-02T10:00:00.000Z", "One", {"teak-root-table", "batik-tulis-lasem"}),
        makeLead("2026-12-02T10:01:00.000Z", "Two", {"teak-root-table"}),
        makeLead("2026-12-02T10:02:00.000Z", "Three", {"pekalongan-sarong", "teak-root-table"}),
        // The same product chosen over and over by one visitor is still one lead asking.
        makeLead(
            "2026-12-02T10:03:00.000Z", "Four",
            {"batik-tulis-lasem", "batik-tulis-lasem", "batik-tulis-lasem", "batik-tulis-lasem"}),
        makeLead("2026-12-02T10:04:00.000Z", "Five", {"bamboo-basket"}),
        makeLead("2026-12-02T10:05:00.000Z", "Six")}) {
    ASSERT_FALSE(store.add(lead));
  }
  auto stats = store.leadStats(0);
  ASSERT_TRUE(stats) << stats.error().text();
  const auto& products = stats.value().perProduct;
  ASSERT_EQ(products.size(), 4u);
  EXPECT_EQ(products[0], (std::pair<std::string, std::int64_t>{"teak-root-table", 3}));
  EXPECT_EQ(products[1], (std::pair<std::string, std::int64_t>{"batik-tulis-lasem", 2}));
  const std::set<std::pair<std::string, std::int64_t>> rest(products.begin() + 2, products.end());
  EXPECT_EQ(rest, (std::set<std::pair<std::string, std::int64_t>>{{"bamboo-basket", 1},
                                                                  {"pekalongan-sarong", 1}}));
  EXPECT_EQ(stats.value().total, 6);
}

// ---------------------------------------------------------------------------------------------
// Migration

TEST(StaffMigration, AVersionTwoLeadOpensUnratedAndNotYetExported) {
  const fs::path file = test::freshTempDirectory("staff-migrate-v2") / "leads.db";
  const Lead lead = SyntheticLeads(21).next();
  {
    SqlitePtr db = openRaw(file);
    ASSERT_FALSE(migrate(db.get(), file.string(), leadMigrations(), 2));
    ASSERT_EQ(queryNumber(db.get(), "PRAGMA user_version"), 2);
    // What a version-2 kiosk wrote.
    insertOldLead(db.get(), file,
                  "INSERT INTO leads (uuid, created_utc, name, email, source, consent_given) "
                  "VALUES (?1, ?2, ?3, ?4, 'typed', 1)",
                  lead);
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
  }
  {
    auto opened = LeadStore::open(file);
    ASSERT_TRUE(opened) << opened.error().text();
    LeadStore& store = opened.value();
    auto found = store.find(lead.uuid);
    ASSERT_TRUE(found) << found.error().text();
    ASSERT_TRUE(found.value().has_value());
    EXPECT_EQ(found.value()->name, lead.name);
    EXPECT_EQ(found.value()->email, lead.email);
    EXPECT_EQ(found.value()->productIds, std::vector<std::string>{"bamboo-basket"});
    EXPECT_EQ(found.value()->rating, "");
    EXPECT_EQ(found.value()->staffNotes, "");
    EXPECT_EQ(found.value()->followUp, "");
    EXPECT_EQ(store.countNotExported().value(), 1);
    LeadListQuery unrated;
    unrated.rating = "";
    EXPECT_EQ(countMatching(store, unrated), 1);
    EXPECT_EQ(logOf(store).size(), 0u);
    auto stats = store.leadStats(0);
    ASSERT_TRUE(stats);
    EXPECT_EQ(stats.value().unrated, 1);
    EXPECT_EQ(stats.value().typed, 1);
    // Staff can rate the old lead and export it like a new one.
    ASSERT_FALSE(store.annotate(lead.uuid, kRatingHot, "from last year's fair", true));
    EXPECT_EQ(store.markExported({}, kMorning).value(), 1);
    EXPECT_EQ(store.countNotExported().value(), 0);
  }
  SqlitePtr db = openRaw(file);
  EXPECT_EQ(queryNumber(db.get(), "PRAGMA user_version"), latestSchemaVersion());
  EXPECT_EQ(queryNumber(db.get(), "SELECT count(*) FROM leads WHERE rating = 'hot'"), 1);
}

}  // namespace
}  // namespace etalase::leads
