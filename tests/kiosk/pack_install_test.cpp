// Installing a pack from a USB stick: a good install switches and keeps the old pack for going
// back; a bad pack, a pulled stick, a full disk or a cancel change nothing and say why; the
// packs folder keeps only current and previous, and start-up clears half-made copies.
#include <gtest/gtest.h>

#include <cctype>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <thread>

#include "kiosk/packs/pack_installer.h"
#include "kiosk/packs/pack_store.h"
#include "platform/removable_media.h"
#include "test_support.h"

namespace etalase::kiosk {
namespace {

// "ID-YYYYmmdd-HHMMSS" with an optional "-N": a new folder per install, named by time.
// (Checked by hand: std::regex trips GCC 12's -Wmaybe-uninitialized under the sanitizers.)
bool isDatedFolderName(const std::string& name, const std::string& id) {
  if (name.rfind(id + "-", 0) != 0) return false;
  const std::string rest = name.substr(id.size() + 1);
  if (rest.size() < 15 || rest[8] != '-') return false;
  for (std::size_t i = 0; i < 15; ++i) {
    if (i != 8 && !std::isdigit(static_cast<unsigned char>(rest[i]))) return false;
  }
  if (rest.size() == 15) return true;
  if (rest[15] != '-' || rest.size() == 16) return false;
  return rest.find_first_not_of("0123456789", 16) == std::string::npos;
}

namespace fs = std::filesystem;

testing::AssertionResult contains(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return testing::AssertionSuccess();
  return testing::AssertionFailure() << "\"" << text << "\" does not mention \"" << part << "\"";
}

std::string currentTestName() {
  return testing::UnitTest::GetInstance()->current_test_info()->name();
}

std::string readAll(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A pack folder: pack.json with this id and title, and a few media files (the validator is
// injected, so their contents do not matter, only that they are copied faithfully).
fs::path writePack(const fs::path& folder, const std::string& id, const std::string& title,
                   std::map<std::string, std::string> files = {}) {
  if (files.empty()) {
    files = {{"videos/batik.mp4", std::string(300000, 'v') + id},
             {"videos/tenun.mp4", "tenun " + id},
             {"images/logo.png", std::string("\x89PNG\0\x01", 6) + id}};
  }
  fs::create_directories(folder);
  std::ofstream(folder / "pack.json") << R"({"schema_version": 1, "pack": {"id": ")" << id
                                      << R"(", "title": {"en": ")" << title << R"("}}})";
  for (const auto& [name, contents] : files) {
    fs::create_directories((folder / name).parent_path());
    std::ofstream(folder / name, std::ios::binary) << contents;
  }
  return folder;
}

ValidationOutcome passes(const fs::path&, const ValidationProgress& progress) {
  progress(0.5, "videos/batik.mp4");
  return ValidationOutcome{true, "", {}};
}

// Every file below `folder`, relative, with its contents.
std::map<std::string, std::string> filesIn(const fs::path& folder) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file())
      files[entry.path().lexically_relative(folder).string()] = readAll(entry.path());
  }
  return files;
}

// Names in the packs folder (folders, links, leftovers).
std::set<std::string> entriesIn(const fs::path& packs) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(packs))
    names.insert(entry.path().filename().string());
  return names;
}

bool hasIncomingFolder(const fs::path& packs) {
  for (const std::string& name : entriesIn(packs)) {
    if (name.rfind(kIncomingPrefix, 0) == 0) return true;
  }
  return false;
}

// Polls as the UI would, until the job ends. The bound only stops a broken build from hanging.
InstallStatus waitUntilFinished(const PackInstaller& installer) {
  const auto giveUp = std::chrono::steady_clock::now() + std::chrono::minutes(2);
  while (installer.busy() && std::chrono::steady_clock::now() < giveUp) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  EXPECT_FALSE(installer.busy()) << "the install never finished";
  return installer.status();
}

class PackInstall : public testing::Test {
 protected:
  void SetUp() override {
    root = test::freshTempDirectory(currentTestName());
    data = root / "data";
    stick = root / "stick";
    options.validate = passes;
  }

  // Installs `pack` with a fresh installer and the current options; returns the final status.
  InstallStatus install(const fs::path& pack) {
    PackInstaller installer(data, options);
    EXPECT_TRUE(installer.start(pack));
    return waitUntilFinished(installer);
  }

  // The kiosk as staff found it: pack "Old" already installed and shown.
  fs::path installOldPack() {
    const InstallStatus status =
        install(writePack(root / "old-stick" / "old", "old-pack", "Old Pack"));
    EXPECT_EQ(status.state, InstallState::Done) << status.message;
    return *PackStore(data).currentPack();
  }

  fs::path root, data, stick;
  InstallerOptions options;
};

TEST_F(PackInstall, SimulatedInsertionOffersThePackOnTheStickAndInstallsIt) {
  const fs::path usbRoot = root / "usb";
  fs::create_directories(usbRoot);
  platform::RemovableMediaConfig config;
  config.mountTable = root / "mountinfo";
  std::ofstream(config.mountTable) << "22 1 8:1 / / rw - ext4 /dev/sda1 rw\n";
  config.simulatedRoots = {usbRoot};
  platform::RemovableMediaWatcher watcher(config);
  ASSERT_TRUE(watcher.poll().empty());

  writePack(usbRoot / "KIOSK" / "batik-lasem", "batik-lasem", "Batik Lasem");
  const platform::VolumeChanges changes = watcher.poll();
  ASSERT_EQ(changes.added.size(), 1u);
  EXPECT_EQ(changes.added[0].label, "KIOSK");
  const std::vector<fs::path> packs = platform::findPackCandidates(changes.added[0].mountPoint);
  ASSERT_EQ(packs.size(), 1u);
  EXPECT_EQ(packs[0], usbRoot / "KIOSK" / "batik-lasem");

  const InstallStatus status = install(packs[0]);
  EXPECT_EQ(status.state, InstallState::Done) << status.message;
  EXPECT_TRUE(contains(status.message, "Installed \u201cBatik Lasem\u201d"));
  const std::optional<fs::path> current = PackStore(data).currentPack();
  ASSERT_TRUE(current);
  EXPECT_EQ(filesIn(*current), filesIn(packs[0]));
  EXPECT_FALSE(PackStore(data).previousPack()) << "nothing was installed before";
}

TEST_F(PackInstall, GoodInstallSwitchesToAFaithfulCopyAndKeepsTheOldPackForRollback) {
  const fs::path old = installOldPack();
  const fs::path pack = writePack(stick / "new", "batik-lasem", "Batik Lasem");

  const InstallStatus status = install(pack);
  ASSERT_EQ(status.state, InstallState::Done) << status.message;
  EXPECT_DOUBLE_EQ(status.fraction, 1.0);
  EXPECT_EQ(status.bytesCopied, status.bytesTotal);
  EXPECT_TRUE(contains(status.message, "Installed \u201cBatik Lasem\u201d"));
  EXPECT_TRUE(contains(status.message, "\u201cOld Pack\u201d is kept"));

  PackStore store(data);
  const std::optional<fs::path> current = store.currentPack();
  ASSERT_TRUE(current);
  EXPECT_EQ(status.installedPack, current);
  EXPECT_TRUE(isDatedFolderName(current->filename().string(), "batik-lasem"))
      << *current;
  EXPECT_EQ(filesIn(*current), filesIn(pack)) << "every file copied byte for byte";
  EXPECT_EQ(store.previousPack(), old);
  EXPECT_FALSE(hasIncomingFolder(store.packsDirectory()));

  ASSERT_FALSE(store.rollback());
  EXPECT_EQ(store.currentPack(), old);
  EXPECT_EQ(store.previousPack(), current);
  ASSERT_FALSE(store.rollback()) << "rolling back twice returns to the new pack";
  EXPECT_EQ(store.currentPack(), current);
  EXPECT_EQ(store.previousPack(), old);
}

TEST_F(PackInstall, PackThatFailsValidationIsRefusedAndTheOldOneStays) {
  const fs::path old = installOldPack();
  const std::set<std::string> before = entriesIn(PackStore(data).packsDirectory());
  options.validate = [](const fs::path&, const ValidationProgress&) {
    return ValidationOutcome{
        false, "", {"videos/batik.mp4: no decoder for codec prores", "pack.json: title missing"}};
  };

  const InstallStatus status = install(writePack(stick / "bad", "bad-pack", "Bad Pack"));
  EXPECT_EQ(status.state, InstallState::Failed);
  EXPECT_TRUE(contains(status.message, "did not pass the check (2 problems)"));
  EXPECT_TRUE(
      contains(status.message, "Nothing was changed; the kiosk still shows \u201cOld Pack\u201d."));
  EXPECT_EQ(status.problems,
            (std::vector<std::string>{"videos/batik.mp4: no decoder for codec prores",
                                      "pack.json: title missing"}));
  PackStore store(data);
  EXPECT_EQ(store.currentPack(), old);
  EXPECT_EQ(entriesIn(store.packsDirectory()), before) << "no new folder left behind";
}

TEST_F(PackInstall, StickPulledDuringTheCopyLeavesTheOldPackAndSaysSo) {
  const fs::path old = installOldPack();
  const fs::path pack = writePack(stick / "new", "batik-lasem", "Batik Lasem");
  std::vector<fs::path> copied;
  options.afterFileCopied = [&](const fs::path& file) {
    copied.push_back(file);
    if (copied.size() == 2) fs::remove_all(stick);  // the stick goes after images/, pack.json
  };

  const InstallStatus status = install(pack);
  ASSERT_EQ(status.state, InstallState::Failed);
  ASSERT_EQ(copied.size(), 2u);
  EXPECT_TRUE(
      contains(status.message, "The USB stick was removed while copying videos/batik.mp4."));
  EXPECT_TRUE(
      contains(status.message, "Nothing was changed; the kiosk still shows \u201cOld Pack\u201d."));
  EXPECT_TRUE(contains(status.message, "Insert it again to retry."));
  PackStore store(data);
  EXPECT_EQ(store.currentPack(), old);
  EXPECT_FALSE(hasIncomingFolder(store.packsDirectory()));
  EXPECT_EQ(entriesIn(store.packsDirectory()),
            (std::set<std::string>{old.filename().string(), kCurrentLink}));
}

TEST_F(PackInstall, NotEnoughSpaceIsRefusedWithTheSizesInMegabytes) {
  const fs::path old = installOldPack();
  options.spaceMargin = 0;
  options.freeSpace = [](const fs::path&) -> Result<std::uintmax_t> {
    return std::uintmax_t{1'500'000};
  };
  const fs::path pack = writePack(stick / "big", "big-pack", "Big Pack",
                                  {{"videos/long.mp4", std::string(3'200'000, 'x')}});

  const InstallStatus status = install(pack);
  EXPECT_EQ(status.state, InstallState::Failed);
  EXPECT_TRUE(contains(status.message, "Not enough space on the kiosk: need 4 MB, have 1 MB."));
  EXPECT_TRUE(contains(status.message, "still shows \u201cOld Pack\u201d"));
  EXPECT_EQ(PackStore(data).currentPack(), old);
  EXPECT_FALSE(hasIncomingFolder(PackStore(data).packsDirectory()));
}

TEST_F(PackInstall, PackHoldingALinkIsRefused) {
  const fs::path old = installOldPack();
  const fs::path pack = writePack(stick / "linked", "linked", "Linked");
  fs::create_symlink("/etc/passwd", pack / "videos" / "secret.mp4");

  const InstallStatus status = install(pack);
  EXPECT_EQ(status.state, InstallState::Failed);
  EXPECT_TRUE(contains(status.message, "videos/secret.mp4, which is a link"));
  EXPECT_EQ(PackStore(data).currentPack(), old);
}

TEST_F(PackInstall, ProgressIsReadableWhileTheCopyRuns) {
  std::promise<void> firstFileCopied, resume;
  std::future<void> resumed = resume.get_future();
  options.afterFileCopied = [&, calls = 0](const fs::path&) mutable {
    if (++calls != 1) return;
    firstFileCopied.set_value();
    resumed.wait();  // hold the job here while the UI thread looks
  };
  PackInstaller installer(data, options);
  ASSERT_TRUE(installer.start(writePack(stick / "new", "batik-lasem", "Batik Lasem")));
  firstFileCopied.get_future().wait();

  const InstallStatus during = installer.status();
  EXPECT_TRUE(installer.busy());
  EXPECT_EQ(during.state, InstallState::Copying);
  EXPECT_GT(during.bytesCopied, 0u);
  EXPECT_LT(during.bytesCopied, during.bytesTotal);
  EXPECT_GT(during.fraction, 0.0);
  EXPECT_LT(during.fraction, 1.0);
  EXPECT_EQ(during.currentFile, "images/logo.png");
  EXPECT_FALSE(installer.start(stick / "new")) << "one install at a time";

  resume.set_value();
  EXPECT_EQ(waitUntilFinished(installer).state, InstallState::Done);
  installer.dismiss();
  EXPECT_EQ(installer.status().state, InstallState::Idle);
}

TEST_F(PackInstall, CancelledInstallChangesNothing) {
  const fs::path old = installOldPack();
  PackInstaller* running = nullptr;
  options.afterFileCopied = [&](const fs::path&) { running->cancel(); };
  PackInstaller installer(data, options);
  running = &installer;
  ASSERT_TRUE(installer.start(writePack(stick / "new", "batik-lasem", "Batik Lasem")));

  const InstallStatus status = waitUntilFinished(installer);
  EXPECT_EQ(status.state, InstallState::Failed);
  EXPECT_TRUE(contains(status.message, "cancelled"));
  EXPECT_EQ(PackStore(data).currentPack(), old);
  EXPECT_FALSE(hasIncomingFolder(PackStore(data).packsDirectory()));
}

TEST(PackStore, LeftoverIncomingFolderIsRemovedAtStartUp) {
  const fs::path data = test::freshTempDirectory(currentTestName());
  PackStore store(data);
  ASSERT_FALSE(store.recover()) << "creates the packs folder on a new kiosk";
  const Result<fs::path> incoming = store.createIncoming();
  ASSERT_TRUE(incoming);
  writePack(incoming.value(), "half", "Half copied");
  const fs::path keptIncoming = store.createIncoming().value();
  writePack(keptIncoming, "kept", "Kept");
  const Result<fs::path> installed = store.commitIncoming(keptIncoming, "kept");
  ASSERT_TRUE(installed);
  ASSERT_FALSE(store.makeCurrent(installed.value()));

  ASSERT_FALSE(PackStore(data).recover());
  EXPECT_FALSE(fs::exists(incoming.value()));
  EXPECT_EQ(store.currentPack(), installed.value());
  EXPECT_FALSE(hasIncomingFolder(store.packsDirectory()));
}

TEST(PackStore, GarbageCollectionKeepsOnlyCurrentAndPrevious) {
  const fs::path data = test::freshTempDirectory(currentTestName());
  PackStore store(data);
  std::vector<fs::path> installed;
  const auto installNext = [&](const std::string& id) {
    const fs::path incoming = store.createIncoming().value();
    writePack(incoming, id, id);
    installed.push_back(store.commitIncoming(incoming, id).value());
    ASSERT_FALSE(store.makeCurrent(installed.back()));
  };
  for (const char* id : {"first", "second", "third"}) installNext(id);
  EXPECT_EQ(store.currentPack(), installed[2]);
  EXPECT_EQ(store.previousPack(), installed[1]);
  EXPECT_EQ(entriesIn(store.packsDirectory()),
            (std::set<std::string>{installed[1].filename().string(),
                                   installed[2].filename().string(), kCurrentLink, kPreviousLink}));

  // After going back, the pack rolled back from becomes previous and survives the next install.
  ASSERT_FALSE(store.rollback());
  installNext("fourth");
  EXPECT_EQ(store.currentPack(), installed[3]);
  EXPECT_EQ(store.previousPack(), installed[1]);
  EXPECT_FALSE(fs::exists(installed[2]));
  EXPECT_EQ(entriesIn(store.packsDirectory()),
            (std::set<std::string>{installed[1].filename().string(),
                                   installed[3].filename().string(), kCurrentLink, kPreviousLink}));
}

TEST(PackStore, SamePackTwiceInOneSecondGetsTwoFolders) {
  const fs::path data = test::freshTempDirectory(currentTestName());
  PackStore store(data);
  const fs::path first =
      store.commitIncoming(store.createIncoming().value(), "../batik lasem").value();
  const fs::path second =
      store.commitIncoming(store.createIncoming().value(), "../batik lasem").value();
  EXPECT_NE(first, second);
  for (const fs::path& folder : {first, second}) {
    EXPECT_EQ(folder.parent_path(), store.packsDirectory())
        << "the id cannot lead out of the packs folder";
    EXPECT_NE(folder.filename().string().front(), '.') << "a leading dot would hide it";
    EXPECT_TRUE(contains(folder.filename().string(), "batik_lasem-"));
  }
}

TEST(PackStore, RollbackWithNothingToGoBackToIsRefused) {
  const fs::path data = test::freshTempDirectory(currentTestName());
  PackStore store(data);
  EXPECT_TRUE(store.rollback());
  const fs::path only = store.commitIncoming(store.createIncoming().value(), "only").value();
  ASSERT_FALSE(store.makeCurrent(only));
  const std::optional<Error> refused = store.rollback();
  ASSERT_TRUE(refused);
  EXPECT_TRUE(contains(refused->text(), "no previous pack"));
  EXPECT_EQ(store.currentPack(), only);
}

}  // namespace
}  // namespace etalase::kiosk
