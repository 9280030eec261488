// Removable volumes from the mount table, and packs on them.
#include "removable_media.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>
#include <iterator>
#include <sstream>
#include <tuple>

namespace etalase::platform {

namespace fs = std::filesystem;

namespace {

// mountinfo escapes space, tab, newline and backslash as three octal digits.
std::string unescapeMountField(const std::string& field) {
  std::string out;
  out.reserve(field.size());
  for (size_t i = 0; i < field.size(); ++i) {
    const bool octal = field[i] == '\\' && i + 3 < field.size() &&
                       std::all_of(field.begin() + i + 1, field.begin() + i + 4,
                                   [](char c) { return c >= '0' && c <= '7'; });
    if (octal) {
      out += static_cast<char>(std::strtol(field.substr(i + 1, 3).c_str(), nullptr, 8));
      i += 3;
    } else {
      out += field[i];
    }
  }
  return out;
}

bool isStrictlyUnder(const fs::path& path, const fs::path& root) {
  const fs::path relative = path.lexically_normal().lexically_relative(root.lexically_normal());
  return !relative.empty() && relative != "." && *relative.begin() != "..";
}

bool isHidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name.front() == '.';
}

bool volumeLess(const Volume& a, const Volume& b) {
  return std::tie(a.mountPoint, a.label) < std::tie(b.mountPoint, b.label);
}

Volume volumeAt(const fs::path& mountPoint) {
  return Volume{mountPoint, mountPoint.filename().string()};
}

}  // namespace

RemovableMediaConfig defaultRemovableMediaConfig() {
  RemovableMediaConfig config;
  if (const char* usbRoot = std::getenv("ETALASE_USB_ROOT"); usbRoot && *usbRoot) {
    config.simulatedRoots.emplace_back(usbRoot);
  }
  return config;
}

std::vector<fs::path> readMountPoints(const fs::path& mountTable) {
  std::vector<fs::path> mountPoints;
  std::ifstream in(mountTable);
  std::string line;
  while (std::getline(in, line)) {
    // "36 35 98:0 /root /mount/point options ... - fstype source superoptions": the 5th field.
    // Memory and kernel file systems (a sandbox's tmpfs under /mnt, say) are never a stick.
    static const std::set<std::string> kNotAStick = {"tmpfs", "ramfs", "proc", "sysfs", "devtmpfs",
                                                     "overlay", "squashfs", "autofs", "cgroup", "cgroup2"};
    if (const auto dash = line.find(" - "); dash != std::string::npos) {
      std::istringstream after(line.substr(dash + 3));
      std::string fileSystem;
      if (after >> fileSystem && kNotAStick.count(fileSystem)) continue;
    }
    std::istringstream fields(line);
    std::string field;
    for (int i = 0; i < 5 && fields >> field; ++i) {
      if (i == 4) mountPoints.emplace_back(unescapeMountField(field));
    }
  }
  return mountPoints;
}

RemovableMediaWatcher::RemovableMediaWatcher(RemovableMediaConfig config)
    : m_config(std::move(config)) {}

std::vector<Volume> RemovableMediaWatcher::scan() const {
  std::vector<Volume> found;
  for (const fs::path& mountPoint : readMountPoints(m_config.mountTable)) {
    const bool underRoot =
        std::any_of(m_config.mountRoots.begin(), m_config.mountRoots.end(),
                    [&](const fs::path& root) { return isStrictlyUnder(mountPoint, root); });
    if (underRoot) found.push_back(volumeAt(mountPoint));
  }
  for (const fs::path& root : m_config.simulatedRoots) {
    std::error_code ec;
    for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
      std::error_code typeError;
      if (!isHidden(it->path()) && it->is_directory(typeError))
        found.push_back(volumeAt(it->path()));
    }
  }
  std::sort(found.begin(), found.end(), volumeLess);
  // A folder mounted twice (stacked mounts) is still one stick.
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

VolumeChanges RemovableMediaWatcher::poll() {
  std::vector<Volume> now = scan();
  VolumeChanges changes;
  std::set_difference(now.begin(), now.end(), m_volumes.begin(), m_volumes.end(),
                      std::back_inserter(changes.added), volumeLess);
  std::set_difference(m_volumes.begin(), m_volumes.end(), now.begin(), now.end(),
                      std::back_inserter(changes.removed), volumeLess);
  m_volumes = std::move(now);
  return changes;
}

std::vector<fs::path> findPackCandidates(const fs::path& volumeRoot,
                                         const std::string& manifestName) {
  // Links are not followed: a stick must not be able to point the installer at the kiosk's own disk.
  auto isPlainFile = [](const fs::path& path) {
    std::error_code ec;
    return fs::symlink_status(path, ec).type() == fs::file_type::regular;
  };
  if (isPlainFile(volumeRoot / manifestName)) return {volumeRoot};
  std::vector<fs::path> candidates;
  std::error_code ec;
  for (fs::directory_iterator it(volumeRoot, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code typeError;
    if (isHidden(it->path()) || it->symlink_status(typeError).type() != fs::file_type::directory) continue;
    if (isPlainFile(it->path() / manifestName)) candidates.push_back(it->path());
  }
  std::sort(candidates.begin(), candidates.end());
  return candidates;
}

}  // namespace etalase::platform
