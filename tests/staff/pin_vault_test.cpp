// The staff PIN as staff and a would-be intruder meet it: the right PIN opens, wrong ones cost a
// growing wait that a restart does not undo, and the file on the board never shows the PIN.
#include "kiosk/staff/pin_vault.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "test_support.h"

namespace etalase::staff {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Outcome = PinVault::Attempt::Outcome;

class FakeClock final : public Clock {
 public:
  std::chrono::system_clock::time_point now() const override { return m_now; }
  void advance(std::chrono::seconds by) { m_now += by; }

 private:
  // 2026-12-03T09:59:00Z, with a fraction, as a real clock has.
  std::chrono::system_clock::time_point m_now =
      std::chrono::sys_days(std::chrono::year(2026) / 12 / 3) + 9h + 59min + 250ms;
};

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void writeFile(const fs::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
}

class PinVaultTest : public ::testing::Test {
 protected:
  PinVault open() {
    auto vault = PinVault::open(m_file, &m_clock);
    EXPECT_TRUE(vault.ok()) << (vault.ok() ? "" : vault.error().text());
    return std::move(vault.value());
  }
  PinVault openWithPin(std::string_view pin) {
    PinVault vault = open();
    const auto error = vault.setPin(pin);
    EXPECT_FALSE(error) << error->text();
    return vault;
  }

  fs::path m_dir =
      test::freshTempDirectory(::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::path m_file = m_dir / "staff-pin.json";
  FakeClock m_clock;
};

TEST_F(PinVaultTest, AFreshKioskHasNoPinAndCreatesNoFile) {
  PinVault vault = open();
  EXPECT_FALSE(vault.hasPin());
  const auto attempt = vault.tryPin("1234");
  EXPECT_EQ(attempt.outcome, Outcome::NoPinSet);
  EXPECT_EQ(vault.waitBeforeNextAttempt(), 0s);
  EXPECT_FALSE(fs::exists(m_file));
}

TEST_F(PinVaultTest, TheRightPinOpensAndAWrongOneIsRefusedAlsoAfterARestart) {
  {
    PinVault vault = openWithPin("583920");
    EXPECT_TRUE(vault.hasPin());
    EXPECT_EQ(vault.tryPin("583920").outcome, Outcome::Accepted);
    const auto wrong = vault.tryPin("583921");
    EXPECT_EQ(wrong.outcome, Outcome::Wrong);
    EXPECT_EQ(wrong.failuresInRow, 1);
    EXPECT_EQ(vault.tryPin("58392").outcome, Outcome::Wrong);  // a prefix is no match
    EXPECT_FALSE(vault.lastWriteError());
  }
  PinVault restarted = open();
  EXPECT_TRUE(restarted.hasPin());
  EXPECT_EQ(restarted.failuresInRow(), 2);
  const auto right = restarted.tryPin("583920");
  EXPECT_EQ(right.outcome, Outcome::Accepted);
  EXPECT_EQ(right.failuresInRow, 0);
  EXPECT_EQ(open().failuresInRow(), 0);
}

TEST_F(PinVaultTest, TheFileNeverShowsThePinAndOnlyItsOwnerMayReadIt) {
  PinVault vault = openWithPin("583920");
  EXPECT_EQ(vault.tryPin("583920").outcome, Outcome::Accepted);
  EXPECT_EQ(vault.tryPin("111111").outcome, Outcome::Wrong);
  const std::string content = readFile(m_file);
  EXPECT_EQ(content.find("583920"), std::string::npos) << content;
  EXPECT_NE(content.find("\"hash\": \"$argon2id$"), std::string::npos) << content;
  struct stat info {};
  ASSERT_EQ(::stat(m_file.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  EXPECT_FALSE(fs::exists(fs::path(m_file) += ".tmp"));
}

TEST_F(PinVaultTest, WrongPinsBuildUpAWaitThatARestartDoesNotEndButTimeDoes) {
  PinVault vault = openWithPin("2468");
  EXPECT_EQ(vault.tryPin("1111").wait, 0s);  // a typo or two costs nothing
  EXPECT_EQ(vault.tryPin("1111").wait, 0s);
  EXPECT_EQ(vault.tryPin("1111").wait, 5s);
  // While the wait runs, even the right PIN is refused, without being checked.
  auto refused = vault.tryPin("2468");
  EXPECT_EQ(refused.outcome, Outcome::LockedOut);
  EXPECT_EQ(refused.wait, 5s);
  EXPECT_EQ(refused.failuresInRow, 3);
  m_clock.advance(5s);
  EXPECT_EQ(vault.tryPin("1111").wait, 15s);
  m_clock.advance(15s);
  const auto fifth = vault.tryPin("1111");
  EXPECT_EQ(fifth.outcome, Outcome::Wrong);
  EXPECT_EQ(fifth.wait, 60s);
  EXPECT_EQ(fifth.failuresInRow, 5);

  // A restart (or a pulled plug) keeps the lock-out (the file rounds it up to whole seconds).
  PinVault restarted = open();
  EXPECT_EQ(restarted.waitBeforeNextAttempt(), 60s);
  refused = restarted.tryPin("2468");
  EXPECT_EQ(refused.outcome, Outcome::LockedOut);
  EXPECT_EQ(refused.failuresInRow, 5);
  m_clock.advance(59s);
  refused = restarted.tryPin("2468");
  EXPECT_EQ(refused.outcome, Outcome::LockedOut);
  EXPECT_LE(refused.wait, 2s);
  m_clock.advance(2s);
  EXPECT_EQ(restarted.waitBeforeNextAttempt(), 0s);
  EXPECT_EQ(restarted.tryPin("2468").outcome, Outcome::Accepted);
  EXPECT_EQ(open().waitBeforeNextAttempt(), 0s);
}

TEST_F(PinVaultTest, ANewPinClearsTheFailures) {
  PinVault vault = openWithPin("2468");
  for (int i = 0; i < 3; ++i) vault.tryPin("1111");
  EXPECT_GT(vault.waitBeforeNextAttempt(), 0s);
  ASSERT_FALSE(vault.setPin("97531"));
  EXPECT_EQ(vault.waitBeforeNextAttempt(), 0s);
  EXPECT_EQ(vault.tryPin("2468").outcome, Outcome::Wrong);
  EXPECT_EQ(vault.tryPin("97531").outcome, Outcome::Accepted);
}

TEST_F(PinVaultTest, OnlyFourToTwelveDigitsMakeAPin) {
  PinVault vault = open();
  for (const char* bad : {"", "123", "1234567890123", "12a4", "12 34", " 1234", "-1234", "١٢٣٤"}) {
    const auto error = vault.setPin(bad);
    ASSERT_TRUE(error) << bad;
    EXPECT_NE(error->text().find("4 to 12 digits"), std::string::npos) << error->text();
  }
  EXPECT_FALSE(vault.hasPin());
  EXPECT_FALSE(fs::exists(m_file));
  EXPECT_FALSE(vault.setPin("0000"));
  EXPECT_FALSE(vault.setPin("123456789012"));
  EXPECT_EQ(vault.tryPin("123456789012").outcome, Outcome::Accepted);
}

TEST_F(PinVaultTest, ADamagedFileIsAnErrorNamingTheFile) {
  openWithPin("583920");
  const std::string good = readFile(m_file);
  const std::string hash = good.substr(good.find("$argon2id$"), 40);
  const std::vector<std::string> damaged = {
      good.substr(0, good.size() / 2),  // cut short by a power cut on a cheap card
      "",
      std::string("\0\0\0\0", 4),
      "[1, 2]",
      "{}",
      R"({"format": 2, "hash": "x", "failures": 0})",
      R"({"format": 1, "hash": ")" + hash + R"(", "failures": 0})",  // a hash cut short
      R"({"format": 1, "hash": "$argon2id$", "failures": 0})",
      R"({"format": 1, "hash": 7, "failures": 0})"};
  for (const std::string& bad : damaged) {
    writeFile(m_file, bad);
    const auto vault = PinVault::open(m_file, &m_clock);
    ASSERT_FALSE(vault.ok()) << bad;
    EXPECT_EQ(vault.error().where, m_file.string());
    EXPECT_FALSE(vault.error().what.empty());
  }
  // A sound hash but a damaged count or lock-out time.
  const auto withField = [&](const std::string& from, const std::string& to) {
    std::string text = good;
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  for (const std::string& bad : std::vector<std::string>{
           withField("\"failures\": 0", "\"failures\": -3"),
           withField("\"failures\": 0", "\"failures\": \"many\""),
           withField("null", "\"2026-13-03T10:00:00Z\""), withField("null", "\"tomorrow\"")}) {
    writeFile(m_file, bad);
    const auto vault = PinVault::open(m_file, &m_clock);
    ASSERT_FALSE(vault.ok()) << bad;
    EXPECT_NE(vault.error().text().find("staff-pin.json"), std::string::npos)
        << vault.error().text();
  }
}

TEST_F(PinVaultTest, AClockSetBackDoesNotLockStaffOutForYears) {
  PinVault vault = openWithPin("2468");
  const std::string good = readFile(m_file);
  std::string text = good;
  text.replace(text.find("\"failures\": 0"), 13, "\"failures\": 5");
  text.replace(text.find("null"), 4, "\"2099-01-01T00:00:00Z\"");
  writeFile(m_file, text);
  EXPECT_EQ(open().waitBeforeNextAttempt(), 60s);  // never more than the policy's wait
}

TEST(PinPolicy, TheWaitGrowsThenDoublesUpToAnHour) {
  const std::chrono::seconds expected[] = {0s,   0s,   5s,   15s,   60s,   120s,
                                           240s, 480s, 960s, 1920s, 3600s, 3600s};
  for (int failures = 1; failures <= 12; ++failures) {
    EXPECT_EQ(delayAfterFailures(failures), expected[failures - 1]) << failures;
  }
  EXPECT_EQ(delayAfterFailures(1000), 1h);
}

TEST(PinPolicy, EightGuessesFitInTenMinutes) {
  // Tries at 0, 0, 0, 5, 20, 80, 200 and 440 s; the ninth would be at 920 s.
  EXPECT_EQ(attemptsPossibleWithin(10min), 8);
  EXPECT_EQ(attemptsPossibleWithin(0s), 0);
  EXPECT_EQ(attemptsPossibleWithin(1s), 3);
  EXPECT_EQ(attemptsPossibleWithin(1h), 10);  // ..., 920, 1880 s; then 3800 s
}

TEST_F(PinVaultTest, AnIntruderTypingAsFastAsAllowedGetsTheNumberThePolicySays) {
  PinVault vault = openWithPin("24680");
  const auto start = m_clock.now();
  int attempts = 0;
  while (m_clock.now() - start < 10min) {
    const auto attempt = vault.tryPin("13579");
    ASSERT_EQ(attempt.outcome, Outcome::Wrong);
    ++attempts;
    m_clock.advance(vault.waitBeforeNextAttempt());
  }
  EXPECT_EQ(attempts, attemptsPossibleWithin(10min));
}

}  // namespace
}  // namespace etalase::staff
