// The door to staff mode: a 3 s hold in the corner and nowhere else, the PIN (or a new one set
// twice on the first start), wrong PINs slowed down, and staff mode closing by itself.
#include "kiosk/staff/staff_session.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "kiosk/staff/corner_hold.h"
#include "test_support.h"

namespace etalase::staff {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

TEST(CornerHold, ThreeSecondsStillInTheTopLeftCornerOpensIt) {
  CornerHold hold;
  const auto t0 = Clock::now();
  hold.down(20, 30, 1280, 720, t0);
  EXPECT_FALSE(hold.fired(t0 + 2900ms));
  EXPECT_TRUE(hold.fired(t0 + 3000ms));
  EXPECT_FALSE(hold.fired(t0 + 4000ms)) << "once per hold";
}

TEST(CornerHold, ElsewhereLiftedEarlyOrSlidingDoesNot) {
  CornerHold hold;
  const auto t0 = Clock::now();
  hold.down(640, 360, 1280, 720, t0);  // the middle of the screen
  EXPECT_FALSE(hold.fired(t0 + 5s));
  hold.down(10, 10, 1280, 720, t0);
  hold.up();  // a tap on Back, not a hold
  EXPECT_FALSE(hold.fired(t0 + 5s));
  hold.down(10, 10, 1280, 720, t0);
  hold.move(80, 10);  // a swipe
  EXPECT_FALSE(hold.fired(t0 + 5s));
  hold.down(10, 10, 1280, 720, t0);
  hold.move(14, 12);  // a finger's tremble is still a hold
  EXPECT_TRUE(hold.fired(t0 + 3s));
}

std::string readFile(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class StaffSessionTest : public ::testing::Test {
 protected:
  std::filesystem::path file = test::freshTempDirectory("staff-session") / "staff-pin.json";
  StaffSession session() {
    auto vault = PinVault::open(file);
    EXPECT_TRUE(vault) << vault.error().text();
    return StaffSession(std::move(vault.value()), 120s);
  }
  static void type(StaffSession& s, const std::string& digits, Clock::time_point now) {
    for (char d : digits) s.typeDigit(d, now);
  }
};

TEST_F(StaffSessionTest, FirstStartAsksForANewPinTwiceThenOpens) {
  StaffSession s = session();
  const auto now = Clock::now();
  s.requestEntry(now);
  ASSERT_EQ(s.state(), StaffSession::State::NewPin);
  type(s, "12", now);
  s.submit(now);
  EXPECT_EQ(s.state(), StaffSession::State::NewPin) << "too short";
  type(s, "2468", now);
  s.submit(now);
  ASSERT_EQ(s.state(), StaffSession::State::ConfirmPin);
  type(s, "2469", now);
  s.submit(now);
  EXPECT_EQ(s.state(), StaffSession::State::NewPin) << "the two differ: asked again";
  type(s, "2468", now);
  s.submit(now);
  type(s, "2468", now);
  const auto line = s.submit(now);
  EXPECT_EQ(s.state(), StaffSession::State::Open);
  ASSERT_TRUE(line);
  EXPECT_EQ(line->find("2468"), std::string::npos) << "the log never gets the digits";
  // The file keeps only the hash.
  EXPECT_EQ(readFile(file).find("2468"), std::string::npos);
}

TEST_F(StaffSessionTest, TheRightPinOpensAWrongOneDoesNotAndTheLogHasNoDigits) {
  {
    auto vault = PinVault::open(file);
    ASSERT_FALSE(vault.value().setPin("97531"));
  }
  StaffSession s = session();
  const auto now = Clock::now();
  s.requestEntry(now);
  ASSERT_EQ(s.state(), StaffSession::State::AskPin);
  type(s, "11111", now);
  const auto wrong = s.submit(now);
  EXPECT_EQ(s.state(), StaffSession::State::AskPin);
  EXPECT_EQ(s.digitsTyped(), 0u) << "a wrong PIN is cleared";
  EXPECT_EQ(s.message(), "Wrong PIN.");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->find("11111"), std::string::npos);
  type(s, "97531", now);
  s.submit(now);
  EXPECT_EQ(s.state(), StaffSession::State::Open);
}

TEST_F(StaffSessionTest, RepeatedWrongPinsMakeThePadWaitEvenAfterARestart) {
  {
    auto vault = PinVault::open(file);
    ASSERT_FALSE(vault.value().setPin("97531"));
  }
  {
    StaffSession s = session();
    const auto now = Clock::now();
    s.requestEntry(now);
    for (int i = 0; i < 3; ++i) {
      type(s, "0000", now);
      s.submit(now);
    }
    EXPECT_GT(s.wait().count(), 0) << "the third wrong PIN costs a wait";
  }
  StaffSession restarted = session();
  restarted.requestEntry(Clock::now());
  EXPECT_GT(restarted.wait().count(), 0) << "a restart gives no free guesses";
  type(restarted, "97531", Clock::now());
  restarted.submit(Clock::now());
  EXPECT_NE(restarted.state(), StaffSession::State::Open) << "not even the right PIN during the wait";
}

TEST_F(StaffSessionTest, StaffModeClosesByItselfAfterTheIdleTime) {
  {
    auto vault = PinVault::open(file);
    ASSERT_FALSE(vault.value().setPin("97531"));
  }
  StaffSession s = session();
  const auto now = Clock::now();
  s.requestEntry(now);
  type(s, "97531", now);
  s.submit(now);
  ASSERT_TRUE(s.open());
  s.noteActivity(now + 100s);
  EXPECT_FALSE(s.update(now + 200s)) << "a touch 100 s in kept it open";
  EXPECT_TRUE(s.update(now + 221s));
  EXPECT_EQ(s.state(), StaffSession::State::Closed);
}

TEST_F(StaffSessionTest, ChangingThePinKeepsStaffModeOpenAndTheOldPinStopsWorking) {
  {
    auto vault = PinVault::open(file);
    ASSERT_FALSE(vault.value().setPin("97531"));
  }
  StaffSession s = session();
  const auto now = Clock::now();
  s.requestEntry(now);
  type(s, "97531", now);
  s.submit(now);
  s.changePin(now);
  EXPECT_TRUE(s.open());
  type(s, "8642", now);
  s.submit(now);
  type(s, "8642", now);
  s.submit(now);
  EXPECT_EQ(s.state(), StaffSession::State::Open);
  s.close();
  s.requestEntry(now);
  type(s, "97531", now);
  s.submit(now);
  EXPECT_NE(s.state(), StaffSession::State::Open);
  type(s, "8642", now);
  s.submit(now);
  EXPECT_EQ(s.state(), StaffSession::State::Open);
}

}  // namespace
}  // namespace etalase::staff
