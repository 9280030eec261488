// Staff's export onto a stick the board keeps read-only: made writable for the export only, and
// read-only again afterwards, whatever the outcome. A refusal is told to staff and changes nothing.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <thread>

#include "kiosk/leads/lead_store.h"
#include "kiosk/leads/synthetic_leads.h"
#include "kiosk/screens/staff/export_runner.h"
#include "platform/fake_stick.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace etalase;
using etalase::test::FakeStick;

namespace {

constexpr int kLeads = 5;

class ExportToStick : public ::testing::Test {
 protected:
  void SetUp() override {
    data = test::freshTempDirectory("export-to-stick");
    stickFolder = data / "STICK";
    fs::create_directories(stickFolder);
    auto store = leads::LeadStore::open(data / "leads.db");
    ASSERT_TRUE(store) << store.error().text();
    leads::SyntheticLeads synthetic(3);
    for (int i = 0; i < kLeads; ++i) ASSERT_FALSE(store.value().add(synthetic.next()));
  }

  kiosk::ExportProgressView exportOnto(std::shared_ptr<FakeStick> access) {
    kiosk::ExportRequest request;
    request.database = data / "leads.db";
    request.folder = stickFolder;
    request.format = exporting::ExportFormat::Csv;
    request.deviceId = "kiosk-1";
    request.stick = std::move(access);
    kiosk::ExportRunner runner;
    EXPECT_TRUE(runner.start(std::move(request)));
    runner.join();
    return runner.progress();
  }

  std::int64_t notYetExported() {
    auto store = leads::LeadStore::open(data / "leads.db");
    return store ? store.value().countNotExported().value() : -1;
  }

  fs::path data, stickFolder;
};

TEST_F(ExportToStick, AReadOnlyStickIsWritableJustForTheExport) {
  auto stick = std::make_shared<FakeStick>();
  const auto result = exportOnto(stick);
  ASSERT_TRUE(result.file) << result.failure.value_or("no file and no failure");
  EXPECT_EQ(result.leadsWritten, kLeads);
  EXPECT_EQ(stick->writableAsked, 1);
  EXPECT_EQ(stick->filesWhenMadeWritable, 0) << "something was written before the stick was writable";
  EXPECT_EQ(stick->readOnlyAsked, 1) << "the stick was left writable after the export";
  EXPECT_EQ(stick->filesWhenMadeReadOnly, 1) << "the stick went read-only before the file was whole";
  EXPECT_TRUE(stick->readOnly(stickFolder));
  EXPECT_FALSE(result.notice);
  EXPECT_TRUE(result.stickReadOnlyAgain) << "staff are not told the stick can be pulled";
  EXPECT_EQ(notYetExported(), 0);
}

TEST_F(ExportToStick, ARefusedStickIsToldToStaffAndNothingIsMarkedExported) {
  auto stick = std::make_shared<FakeStick>();
  stick->refusal = "the stick could not be made writable (is its lock switch on?)";
  const auto result = exportOnto(stick);
  EXPECT_FALSE(result.file);
  ASSERT_TRUE(result.failure);
  EXPECT_NE(result.failure->find("read-only"), std::string::npos) << *result.failure;
  EXPECT_NE(result.failure->find("lock switch"), std::string::npos) << *result.failure;
  EXPECT_TRUE(fs::is_empty(stickFolder));
  EXPECT_EQ(stick->readOnlyAsked, 0);
  EXPECT_EQ(notYetExported(), kLeads) << "leads were marked exported though no file was written";
}

TEST_F(ExportToStick, AStickThatStaysWritableIsDoneButNotCalledSafeToPull) {
  auto stick = std::make_shared<FakeStick>();
  stick->readOnlyRefusal = "device busy";
  const auto result = exportOnto(stick);
  ASSERT_TRUE(result.file) << result.failure.value_or("");
  EXPECT_FALSE(result.stickReadOnlyAgain) << "staff were told to pull a stick that is still writable";
  ASSERT_TRUE(result.notice) << "staff were not told the stick is still writable";
  EXPECT_NE(result.notice->find("device busy"), std::string::npos) << *result.notice;
  EXPECT_EQ(stick->readOnlyAsked, 1) << "asked again when the runner's session ended";
  EXPECT_EQ(notYetExported(), 0) << "the file is whole: its leads are exported";
}

TEST_F(ExportToStick, AFailedExportStillLeavesTheStickReadOnly) {
  auto stick = std::make_shared<FakeStick>();
  fs::remove_all(stickFolder);  // the stick pulled just as the export began
  const auto result = exportOnto(stick);
  EXPECT_FALSE(result.file);
  EXPECT_TRUE(result.failure);
  EXPECT_EQ(stick->readOnlyAsked, 1);
  EXPECT_EQ(notYetExported(), kLeads);
}

TEST_F(ExportToStick, AStickAlreadyWritableIsWrittenWithoutAskingTheHelper) {
  auto stick = std::make_shared<FakeStick>();
  stick->setReadOnly(false);
  const auto result = exportOnto(stick);
  ASSERT_TRUE(result.file) << result.failure.value_or("");
  EXPECT_EQ(stick->writableAsked, 0);
  EXPECT_EQ(stick->readOnlyAsked, 0);
  EXPECT_FALSE(result.stickReadOnlyAgain) << "a stick someone else mounted writable is not ours to call safe";
}

}  // namespace
