// Tells when USB sticks may have come or gone, without reading the mount table every second:
// udev's block-device events (a stick plugged in or pulled) and the kernel's notice that the
// mount table changed (/proc/self/mountinfo polls as POLLPRI; a desktop's or udisks2's automount).
// Where neither is available (a container), changed() is always false and the caller polls.
#pragma once

#include <libudev.h>

#include <memory>

#include "unique_fd.h"

namespace etalase::platform {

class MediaEvents {
 public:
  MediaEvents();
  ~MediaEvents();
  MediaEvents(const MediaEvents&) = delete;
  MediaEvents& operator=(const MediaEvents&) = delete;

  // Whether events can be had at all (else poll the mount table on a timer).
  bool available() const { return m_monitor != nullptr || m_mountTable; }
  // Whether anything happened since the last call. Never blocks.
  bool changed();

 private:
  struct UdevDeleter {
    void operator()(udev* context) const { udev_unref(context); }
  };
  struct MonitorDeleter {
    void operator()(udev_monitor* monitor) const { udev_monitor_unref(monitor); }
  };
  std::unique_ptr<udev, UdevDeleter> m_udev;
  std::unique_ptr<udev_monitor, MonitorDeleter> m_monitor;
  UniqueFd m_mountTable;
};

}  // namespace etalase::platform
