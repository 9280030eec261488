#include "platform/media_events.h"

#include <fcntl.h>
#include <poll.h>

#include "media/log.h"

namespace etalase::platform {

MediaEvents::MediaEvents() {
  m_udev.reset(udev_new());
  if (m_udev) {
    m_monitor.reset(udev_monitor_new_from_netlink(m_udev.get(), "udev"));
    if (m_monitor && (udev_monitor_filter_add_match_subsystem_devtype(m_monitor.get(), "block", nullptr) < 0 ||
                      udev_monitor_enable_receiving(m_monitor.get()) < 0)) {
      m_monitor.reset();
    }
  }
  m_mountTable = UniqueFd(::open("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC));
  log::info("USB sticks: {}{}", m_monitor ? "udev block events" : "no udev events",
            m_mountTable ? ", mount table changes" : "");
}

MediaEvents::~MediaEvents() = default;

bool MediaEvents::changed() {
  bool happened = false;
  pollfd watched[2] = {{m_monitor ? udev_monitor_get_fd(m_monitor.get()) : -1, POLLIN, 0},
                       {m_mountTable.get(), POLLPRI, 0}};
  if (::poll(watched, 2, 0) <= 0) return false;
  if (watched[0].revents & POLLIN) {
    // Every queued event is taken; which device it was does not matter, the mount table tells.
    while (udev_device* device = udev_monitor_receive_device(m_monitor.get())) {
      udev_device_unref(device);
      happened = true;
    }
  }
  if (watched[1].revents & (POLLPRI | POLLERR)) {
    // The notice stays raised until the table is read again from the start.
    char buffer[4096];
    ::lseek(m_mountTable.get(), 0, SEEK_SET);
    while (::read(m_mountTable.get(), buffer, sizeof buffer) > 0) {
    }
    happened = true;
  }
  return happened;
}

}  // namespace etalase::platform
