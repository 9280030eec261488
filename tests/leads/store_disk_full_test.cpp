// A full or read-only disk, for real: a 400 KiB tmpfs mounted for the test (root only; skipped
// otherwise). Nothing stored before is damaged, the lead that did not fit is kept pending and
// saved once there is room again, also by the next run of the kiosk.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

#include "kiosk/leads/lead_store.h"
#include "kiosk/leads/store_files.h"
#include "kiosk/leads/store_saver.h"
#include "kiosk/leads/synthetic_leads.h"
#include "kiosk/leads/uuid.h"
#include "test_support.h"

namespace etalase::leads {
namespace {

namespace fs = std::filesystem;

constexpr const char* kSize = "size=400k,mode=0700";

class SmallDisk : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    m_outside = test::freshTempDirectory("small-disk-" + name);
    m_disk = m_outside / "disk";
    fs::create_directory(m_disk);
    if (::mount("tmpfs", m_disk.c_str(), "tmpfs", 0, kSize) != 0) {
      GTEST_SKIP() << "cannot mount a small tmpfs for the disk-full tests (" << std::strerror(errno)
                   << "); they need root";
    }
    m_mounted = true;
  }
  void TearDown() override {
    if (m_mounted) ::umount2(m_disk.c_str(), MNT_DETACH);
  }

  // Writes a filler file until the disk is full, or until only `leave` bytes are free.
  void fill(std::uint64_t leave = 0) {
    const int fd = ::open((m_disk / "filler").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    ASSERT_GE(fd, 0);
    const std::string block(4096, 'x');
    for (;;) {
      auto free = freeBytes(m_disk);
      ASSERT_TRUE(free);
      if (leave > 0 && free.value() < leave + block.size()) break;
      if (::write(fd, block.data(), block.size()) <= 0) break;
    }
    ::fsync(fd);
    ::close(fd);
  }
  void makeRoom() { fs::remove(m_disk / "filler"); }
  void remount(bool readOnly) {
    ASSERT_EQ(
        ::mount(nullptr, m_disk.c_str(), nullptr, MS_REMOUNT | (readOnly ? MS_RDONLY : 0), kSize),
        0)
        << std::strerror(errno);
  }

  // Submits big leads until one does not fit; returns its ticket. Those that fit go to `saved`.
  SaveTicket submitUntilKeptPending(LeadSaver& saver, std::vector<Lead>& saved, Lead& pending) {
    for (int i = 0; i < 300; ++i) {
      Lead lead = m_synthetic.next();
      lead.message = std::string(3000, 'm');
      const SaveTicket ticket = saver.submit(lead);
      saver.waitUntilIdle();
      if (saver.status(ticket).state == SaveState::KeptPending) {
        pending = lead;
        return ticket;
      }
      saved.push_back(lead);
    }
    ADD_FAILURE() << "the disk never filled up";
    return 0;
  }

  SaverOptions saverOptions() const {
    SaverOptions options;
    options.database = m_disk / "leads.db";
    options.pendingFile = m_outside / "pending.jsonl";
    options.store.lowDiskBytes = 100 * 1024;
    options.retryInterval = std::chrono::hours(1);  // only when the test says
    return options;
  }

  static void expectStored(const fs::path& database, const std::vector<Lead>& leads) {
    auto store = LeadStore::open(database);
    ASSERT_TRUE(store) << store.error().text();
    EXPECT_FALSE(store.value().integrityCheck());
    EXPECT_EQ(store.value().count().value(), static_cast<std::int64_t>(leads.size()));
    auto recent = store.value().recent(leads.size());
    ASSERT_TRUE(recent);
    for (const Lead& lead : leads) {
      EXPECT_NE(std::find(recent.value().begin(), recent.value().end(), lead), recent.value().end())
          << "lost " << lead.uuid;
    }
  }

  // The leads saved at once and the one that waited are all in the database; the pending file
  // is gone.
  void expectAllStoredNonePending(std::vector<Lead> saved, const Lead& pending) const {
    EXPECT_FALSE(fs::exists(m_outside / "pending.jsonl"));
    saved.push_back(pending);
    expectStored(m_disk / "leads.db", saved);
  }

  fs::path m_outside;  // a normal folder: the pending file goes there
  fs::path m_disk;
  bool m_mounted = false;
  SyntheticLeads m_synthetic{21};
};

TEST_F(SmallDisk, AFullDiskFailsTheCommitDamagesNothingAndTakesLeadsWhenThereIsRoomAgain) {
  const fs::path database = m_disk / "leads.db";
  StoreOptions options;
  options.lowDiskBytes = 120 * 1024;
  auto opened = LeadStore::open(database, options);
  ASSERT_TRUE(opened) << opened.error().text();
  LeadStore& store = opened.value();
  std::vector<Lead> stored;
  for (int i = 0; i < 20; ++i) {
    stored.push_back(m_synthetic.next());
    ASSERT_FALSE(store.add(stored.back()));
  }
  EXPECT_FALSE(store.diskWarning());

  fill(60 * 1024);  // still room, but below the reserve: a warning, and the lead is saved
  stored.push_back(m_synthetic.next());
  ASSERT_FALSE(store.add(stored.back()));
  ASSERT_TRUE(store.diskWarning());
  EXPECT_NE(store.diskWarning()->find("low disk space"), std::string::npos);
  EXPECT_EQ(store.diskWarning()->find(stored.back().name), std::string::npos);

  fill();
  std::optional<Error> failure;
  Lead refused;
  for (int i = 0; i < 300 && !failure; ++i) {
    refused = m_synthetic.next();
    refused.message = std::string(3000, 'm');
    failure = store.add(refused);
    if (!failure) stored.push_back(refused);
  }
  ASSERT_TRUE(failure) << "the disk never filled up";
  EXPECT_EQ(failure->where, database.string());
  EXPECT_NE(failure->what.find("full"), std::string::npos) << failure->what;
  for (const std::string& personal :
       {refused.name, refused.email, refused.phone, refused.company}) {
    EXPECT_EQ(failure->text().find(personal), std::string::npos) << failure->text();
  }
  EXPECT_FALSE(store.contains(refused.uuid).value());
  EXPECT_EQ(store.count().value(), static_cast<std::int64_t>(stored.size()));
  EXPECT_FALSE(store.integrityCheck());

  makeRoom();
  ASSERT_FALSE(store.add(refused));
  stored.push_back(refused);
  opened = Error{};  // closed
  expectStored(database, stored);
}

TEST_F(SmallDisk, TheSaverKeepsTheLeadPendingAndSavesItWhenThereIsRoomAgain) {
  std::vector<Lead> saved;
  Lead pending;
  LeadSaver saver(saverOptions());
  for (int i = 0; i < 5; ++i) {
    saved.push_back(m_synthetic.next());
    saver.submit(saved.back());
  }
  saver.waitUntilIdle();
  ASSERT_EQ(saver.pendingCount(), 0u);
  fill();
  const SaveTicket ticket = submitUntilKeptPending(saver, saved, pending);
  const SaveStatus status = saver.status(ticket);
  ASSERT_EQ(status.state, SaveState::KeptPending);
  EXPECT_NE(status.message.find("full"), std::string::npos) << status.message;
  EXPECT_EQ(status.message.find(pending.name), std::string::npos) << status.message;
  EXPECT_EQ(saver.pendingCount(), 1u);
  ASSERT_TRUE(saver.warning());
  PendingLeads file(m_outside / "pending.jsonl");
  ASSERT_FALSE(file.load());
  EXPECT_EQ(file.leads(), std::vector<Lead>{pending});

  saver.retryPending();  // still full: stays pending
  saver.waitUntilIdle();
  EXPECT_EQ(saver.status(ticket).state, SaveState::KeptPending);

  makeRoom();
  saver.retryPending();
  saver.waitUntilIdle();
  EXPECT_EQ(saver.status(ticket).state, SaveState::Saved);
  EXPECT_EQ(saver.pendingCount(), 0u);
  expectAllStoredNonePending(saved, pending);
}

TEST_F(SmallDisk, PendingLeadsSurviveARestartAndAreSavedByTheNextRun) {
  std::vector<Lead> saved;
  Lead pending;
  {
    LeadSaver saver(saverOptions());
    fill();
    submitUntilKeptPending(saver, saved, pending);
  }  // the kiosk is switched off with the lead still pending
  ASSERT_TRUE(fs::exists(m_outside / "pending.jsonl"));
  makeRoom();
  {
    LeadSaver restarted(saverOptions());
    restarted.waitUntilIdle();
    EXPECT_EQ(restarted.pendingCount(), 0u);
  }
  expectAllStoredNonePending(saved, pending);
}

TEST_F(SmallDisk, AReadOnlyDiskKeepsLeadsPendingUntilItIsWritableAgain) {
  std::vector<Lead> saved;
  {
    auto store = LeadStore::open(m_disk / "leads.db");
    ASSERT_TRUE(store) << store.error().text();
    for (int i = 0; i < 5; ++i) {
      saved.push_back(m_synthetic.next());
      ASSERT_FALSE(store.value().add(saved.back()));
    }
  }
  remount(true);
  ASSERT_LT(::open((m_disk / "probe").c_str(), O_WRONLY | O_CREAT, 0600), 0);
  ASSERT_EQ(errno, EROFS);  // really read-only, for root too

  LeadSaver saver(saverOptions());
  Lead lead = m_synthetic.next();
  const SaveTicket ticket = saver.submit(lead);
  saver.waitUntilIdle();
  const SaveStatus status = saver.status(ticket);
  ASSERT_EQ(status.state, SaveState::KeptPending);
  EXPECT_NE(status.message.find("read-only"), std::string::npos) << status.message;
  EXPECT_EQ(saver.pendingCount(), 1u);

  remount(false);
  saver.retryPending();
  saver.waitUntilIdle();
  EXPECT_EQ(saver.status(ticket).state, SaveState::Saved);
  saved.push_back(lead);
  expectStored(m_disk / "leads.db", saved);
}

}  // namespace
}  // namespace etalase::leads
