// The board's name and camera.
#include "kiosk/device.h"

#include <unistd.h>

#include <filesystem>

#include "media/log.h"

namespace etalase::kiosk {

std::string hostDeviceId() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0 || host[0] == 0) return "etalase";
  return host;
}

std::string badgeCamera(const std::string& option) {
  namespace fs = std::filesystem;
  if (option == "none") return {};
  std::error_code error;
  if (option != "auto") {
    if (!fs::exists(option, error)) {
      log::warn("camera: {} does not exist: the scan screen will say the camera is not working", option);
    }
    return option;
  }
  return fs::exists("/dev/video0", error) ? "/dev/video0" : "";
}

}  // namespace etalase::kiosk
