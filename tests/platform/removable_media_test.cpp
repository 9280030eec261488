// Removable media: sticks appear and disappear between polls, and packs on them are found.
#include "platform/removable_media.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "test_support.h"

namespace etalase::platform {
namespace {

namespace fs = std::filesystem;

std::string currentTestName() {
  return testing::UnitTest::GetInstance()->current_test_info()->name();
}

// One mountinfo line per mount point, as the kernel writes them (mount point already escaped).
void writeMountTable(const fs::path& file, const std::vector<std::string>& escapedMountPoints) {
  std::ofstream out(file);
  int id = 20;
  for (const std::string& mountPoint : escapedMountPoints) {
    out << id++ << " 1 8:1 / " << mountPoint << " rw,nosuid,nodev shared:1 - vfat /dev/sdb1 rw\n";
  }
}

void writeManifest(const fs::path& folder) {
  fs::create_directories(folder);
  std::ofstream(folder / "pack.json") << "{}";
}

TEST(RemovableMedia, StickMountedUnderMediaIsReportedOnceThenItsRemoval) {
  const fs::path dir = test::freshTempDirectory(currentTestName());
  RemovableMediaConfig config;
  config.mountTable = dir / "mountinfo";
  writeMountTable(config.mountTable, {"/", "/proc", "/boot/efi", "/media"});
  RemovableMediaWatcher watcher(config);
  EXPECT_TRUE(watcher.poll().empty()) << "system mounts and /media itself are not sticks";

  writeMountTable(config.mountTable,
                  {"/", "/proc", "/media/staff/BATIK\\040LASEM", "/run/media/staff/DATA"});
  VolumeChanges inserted = watcher.poll();
  ASSERT_EQ(inserted.added.size(), 2u);
  EXPECT_TRUE(inserted.removed.empty());
  EXPECT_EQ(inserted.added[0].mountPoint, fs::path("/media/staff/BATIK LASEM"));
  EXPECT_EQ(inserted.added[0].label, "BATIK LASEM");
  EXPECT_EQ(inserted.added[1].label, "DATA");
  EXPECT_TRUE(watcher.poll().empty()) << "nothing changed since the last poll";

  writeMountTable(config.mountTable, {"/", "/proc", "/run/media/staff/DATA"});
  VolumeChanges pulled = watcher.poll();
  EXPECT_TRUE(pulled.added.empty());
  ASSERT_EQ(pulled.removed.size(), 1u);
  EXPECT_EQ(pulled.removed[0].label, "BATIK LASEM");
  EXPECT_EQ(watcher.volumes().size(), 1u);
}

TEST(RemovableMedia, AMemoryFileSystemUnderMntIsNoStick) {
  const fs::path dir = test::freshTempDirectory(currentTestName());
  RemovableMediaConfig config;
  config.mountTable = dir / "mountinfo";
  {
    std::ofstream out(config.mountTable);
    out << "30 1 0:50 / /mnt/sandbox/python ro,nosuid shared:2 - tmpfs tools ro,size=4k\n";
    out << "31 1 8:17 / /mnt/STICK rw,nosuid shared:3 - exfat /dev/sdb1 rw\n";
  }
  config.mountRoots = {"/mnt"};
  RemovableMediaWatcher watcher(config);
  const VolumeChanges changes = watcher.poll();
  ASSERT_EQ(changes.added.size(), 1u);
  EXPECT_EQ(changes.added[0].label, "STICK");
}

TEST(RemovableMedia, MissingMountTableMeansNoSticks) {
  RemovableMediaConfig config;
  config.mountTable = test::freshTempDirectory(currentTestName()) / "no-such-file";
  RemovableMediaWatcher watcher(config);
  EXPECT_TRUE(watcher.poll().empty());
}

TEST(RemovableMedia, EtalaseUsbRootSubfoldersActAsSticks) {
  const fs::path dir = test::freshTempDirectory(currentTestName());
  const fs::path usbRoot = dir / "usb";
  fs::create_directories(usbRoot);
  setenv("ETALASE_USB_ROOT", usbRoot.c_str(), 1);
  RemovableMediaConfig config = defaultRemovableMediaConfig();
  unsetenv("ETALASE_USB_ROOT");
  config.mountTable = dir / "empty-mountinfo";
  writeMountTable(config.mountTable, {"/"});
  RemovableMediaWatcher watcher(config);
  EXPECT_TRUE(watcher.poll().empty());

  fs::create_directories(usbRoot / "STICK");
  std::ofstream(usbRoot / "not-a-stick.txt") << "a file, not a volume";
  VolumeChanges inserted = watcher.poll();
  ASSERT_EQ(inserted.added.size(), 1u);
  EXPECT_EQ(inserted.added[0].mountPoint, usbRoot / "STICK");
  EXPECT_EQ(inserted.added[0].label, "STICK");

  fs::remove_all(usbRoot / "STICK");
  VolumeChanges pulled = watcher.poll();
  ASSERT_EQ(pulled.removed.size(), 1u);
  EXPECT_EQ(pulled.removed[0].label, "STICK");
}

TEST(RemovableMedia, PackAtTheStickRootIsTheOnlyCandidate) {
  const fs::path stick = test::freshTempDirectory(currentTestName());
  writeManifest(stick);
  writeManifest(stick / "other-pack");
  EXPECT_EQ(findPackCandidates(stick), std::vector<fs::path>{stick});
}

TEST(RemovableMedia, PacksOneFolderDownAreFoundButNotDeeper) {
  const fs::path stick = test::freshTempDirectory(currentTestName());
  writeManifest(stick / "pack-b");
  writeManifest(stick / "pack-a");
  writeManifest(stick / ".Trashes" / "deleted-pack");
  writeManifest(stick / ".hidden-pack");
  writeManifest(stick / "backups" / "2023" / "old-pack");
  fs::create_directories(stick / "photos");
  EXPECT_EQ(findPackCandidates(stick), (std::vector<fs::path>{stick / "pack-a", stick / "pack-b"}));
}

TEST(RemovableMedia, NoPackOnAStickThatIsGone) {
  EXPECT_TRUE(findPackCandidates(test::freshTempDirectory(currentTestName()) / "pulled").empty());
}

}  // namespace
}  // namespace etalase::platform
