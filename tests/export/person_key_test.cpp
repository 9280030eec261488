// What makes two leads one person for the merge, and the --since an organiser types.
#include <gtest/gtest.h>

#include "kiosk/export/person_key.h"
#include "kiosk/export/since_time.h"

namespace etalase::exporting {
namespace {

TEST(PersonKey, EmailsAreComparedTrimmedAndLowerCased) {
  EXPECT_EQ(normalisedEmail("  Wang.Fang@163.COM\t"), "wang.fang@163.com");
  EXPECT_EQ(normalisedEmail("wang.fang@163.com"), normalisedEmail("WANG.FANG@163.com "));
  EXPECT_EQ(normalisedEmail(""), "");
  EXPECT_EQ(normalisedEmail("   "), "");
  EXPECT_EQ(normalisedEmail("no at sign"), "") << "not an address: never matches another";
  EXPECT_EQ(normalisedEmail("@163.com"), "");
}

TEST(PersonKey, PhonesAreComparedAsE164WithoutSeparators) {
  EXPECT_EQ(normalisedPhone("+60 12-345 6789"), "+60123456789");
  EXPECT_EQ(normalisedPhone("+60 (12) 345.6789"), "+60123456789");
  EXPECT_EQ(normalisedPhone("+6281234567890"), "+6281234567890");
  EXPECT_EQ(normalisedPhone("081234567890"), "") << "national: whose country is unknown";
  EXPECT_EQ(normalisedPhone("+62 ext 5"), "");
  EXPECT_EQ(normalisedPhone("+1234"), "") << "too short to tell people apart";
  EXPECT_EQ(normalisedPhone(""), "");
}

TEST(SinceTime, ADayIsFromMidnightUtcAndATimeNeedsItsZone) {
  const auto since = [](std::string_view text) {
    auto utc = sinceUtcFromText(text);
    return utc ? utc.value() : "error: " + utc.error().what;
  };
  EXPECT_EQ(since("2026-12-02"), "2026-12-02T00:00:00.000Z");
  EXPECT_EQ(since("2026-12-02T09:00+07:00"), "2026-12-02T02:00:00.000Z");
  EXPECT_EQ(since("2026-12-02T01:30:15.5+0700"), "2026-12-01T18:30:15.500Z");
  EXPECT_EQ(since("2026-12-02T17:13:16.123Z"), "2026-12-02T17:13:16.123Z");
  EXPECT_EQ(since("2026-12-31T22:00-04:00"), "2027-01-01T02:00:00.000Z");
  for (const char* bad : {"2026-12-02T09:00", "02/12/2026", "2026-02-30", "2026-12-02T25:00Z",
                          "yesterday", "", "2026-12-02Z", "2026-12-02T09:00+07:00 extra"}) {
    EXPECT_EQ(since(bad).rfind("error: ", 0), 0u) << bad;
  }
}

}  // namespace
}  // namespace etalase::exporting
