// Shared helpers for the test suites: where generated media lives.
#pragma once

#include <filesystem>
#include <string>

namespace etalase::test {

// A clip made by tests/media/make-test-clips ($ETALASE_TEST_MEDIA).
std::filesystem::path testMedia(const std::string& name);
// The demo pack made by tools/make-demo-pack ($ETALASE_DEMO_PACK).
std::filesystem::path demoPack();
// A fresh, empty temporary folder for one test.
std::filesystem::path freshTempDirectory(const std::string& name);
// Points ETALASE_DATA_DIR at this process's own folder (every suite starts so): a test never
// writes to a real kiosk's data, even run as root, where the default is /var/lib/etalase.
void usePrivateDataDirectory();

}  // namespace etalase::test
