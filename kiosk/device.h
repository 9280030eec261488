// What the kiosk learns about the board it runs on. UI thread.
#pragma once

#include <string>

namespace etalase::kiosk {

// Which kiosk a lead came from when the settings name none: the host name.
std::string hostDeviceId();
// The camera to scan badges with, from --camera ("auto", "none", a device or a file); empty: none.
std::string badgeCamera(const std::string& option);

}  // namespace etalase::kiosk
