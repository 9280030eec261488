// Notices USB sticks being mounted and unmounted, and finds content packs on them.
// Reads the mount table on each poll (no udev, no extra thread), so polling once a second from
// the UI thread is cheap. Not thread-safe: one watcher per thread.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace etalase::platform {

struct Volume {
  std::filesystem::path mountPoint;
  std::string label;  // what a person would call it: the mount point's last folder name
  bool operator==(const Volume&) const = default;
};

struct VolumeChanges {
  std::vector<Volume> added;
  std::vector<Volume> removed;
  bool empty() const { return added.empty() && removed.empty(); }
};

struct RemovableMediaConfig {
  // The kernel's mount table (mountinfo format); tests point this at a file of their own.
  std::filesystem::path mountTable = "/proc/self/mountinfo";
  // A mount strictly below one of these folders counts as removable media.
  std::vector<std::filesystem::path> mountRoots = {"/media", "/run/media", "/mnt"};
  // Every subfolder of these counts as a mounted volume, mounted or not: lets a person (or a
  // test) simulate a stick with a plain folder.
  std::vector<std::filesystem::path> simulatedRoots;
};

// The defaults, plus $ETALASE_USB_ROOT as a simulated root when it is set.
RemovableMediaConfig defaultRemovableMediaConfig();

class RemovableMediaWatcher {
 public:
  explicit RemovableMediaWatcher(RemovableMediaConfig config = defaultRemovableMediaConfig());

  // What changed since the previous poll. The first poll reports every volume already present
  // as added: a stick inserted before the kiosk started is offered too.
  VolumeChanges poll();
  // Folders standing in for sticks (ETALASE_USB_ROOT): no event tells when one appears.
  bool hasSimulatedRoots() const { return !m_config.simulatedRoots.empty(); }
  // The volumes seen by the last poll, sorted by mount point.
  const std::vector<Volume>& volumes() const { return m_volumes; }

 private:
  std::vector<Volume> scan() const;

  RemovableMediaConfig m_config;
  std::vector<Volume> m_volumes;
};

// Mount points listed in a mountinfo file, with the kernel's octal escapes (\040 for a space)
// undone. Empty if the file cannot be read.
std::vector<std::filesystem::path> readMountPoints(const std::filesystem::path& mountTable);

// Content packs on a volume: the volume itself if `manifestName` is at its root, else each
// top-level folder holding one (hidden folders skipped), sorted. Empty if none, or if the
// volume went away while looking.
std::vector<std::filesystem::path> findPackCandidates(
    const std::filesystem::path& volumeRoot, const std::string& manifestName = "pack.json");

}  // namespace etalase::platform
