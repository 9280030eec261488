// QR codes: what the kiosk draws is read back by a real scanner (zbarimg) as the exact text.
#include "kiosk/catalog/qr_code.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "kiosk/catalog/contact_link.h"
#include "test_support.h"

namespace etalase::kiosk {
namespace {

namespace fs = std::filesystem;

constexpr int kQuietZoneModules = 4;  // the margin scanners need, by the QR specification
constexpr int kPixelsPerModule = 8;

// The code as a binary greyscale PGM, drawn the way a screen would show it.
fs::path writePgm(const QrCode& code, const fs::path& file) {
  const int side = (code.size + 2 * kQuietZoneModules) * kPixelsPerModule;
  std::ofstream out(file, std::ios::binary);
  out << "P5\n" << side << ' ' << side << "\n255\n";
  for (int py = 0; py < side; ++py) {
    for (int px = 0; px < side; ++px) {
      const bool dark = code.dark(px / kPixelsPerModule - kQuietZoneModules,
                                  py / kPixelsPerModule - kQuietZoneModules);
      out.put(static_cast<char>(dark ? 0 : 255));
    }
  }
  return file;
}

struct PipeClose {
  void operator()(FILE* pipe) const { pclose(pipe); }
};

std::string readFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// What zbarimg reads from the image, or a description of why it read nothing. Its standard error
// goes to a file: zbar chats there (about D-Bus, say) even when the scan works.
std::string scan(const fs::path& image) {
  const fs::path errors = fs::path(image).replace_extension(".stderr");
  const std::string command =
      "zbarimg --raw -q '" + image.string() + "' 2>'" + errors.string() + "'";
  std::unique_ptr<FILE, PipeClose> pipe(popen(command.c_str(), "r"));
  if (!pipe) return "(could not start zbarimg)";
  std::string output;
  char buffer[4096];
  while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe.get()))
    output.append(buffer, n);
  const int status = pclose(pipe.release());
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (code == 127) return "(zbarimg not found: install zbar-tools, see tools/install-deps)";
    return "(zbarimg exited with " + std::to_string(code) + ": " + output + readFile(errors) + ")";
  }
  if (output.ends_with('\n')) output.pop_back();  // zbarimg ends each symbol's text with one
  return output;
}

std::string currentTestName() {
  return testing::UnitTest::GetInstance()->current_test_info()->name();
}

// Encodes `text`, draws it, scans it: what a visitor's phone would get.
std::string roundTrip(const std::string& text) {
  auto code = encodeQr(text);
  if (!code) return "(not encoded: " + code.error().text() + ")";
  const fs::path folder = test::freshTempDirectory(currentTestName());
  return scan(writePgm(code.value(), folder / "code.pgm"));
}

testing::AssertionResult contains(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return testing::AssertionSuccess();
  return testing::AssertionFailure() << "\"" << text << "\" does not mention \"" << part << "\"";
}

TEST(QrCode, AWhatsAppLinkScansBackExactly) {
  const std::string link =
      "https://wa.me/6281234567890?text=Halo%2C%20saya%20melihat%20produk%20Anda%20di%20pameran";
  EXPECT_EQ(roundTrip(link), link);
}

TEST(QrCode, AWebsiteKeepsItsCaseWhenScanned) {
  const std::string link = "https://Batik-Lasem.example.id/Katalog/KainTulis?Ref=Stand12";
  EXPECT_EQ(roundTrip(link), link);
}

TEST(QrCode, AGreetingInChineseSurvivesAsAPercentEncodedLink) {
  const std::string link =
      "https://wa.me/6281234567890?text=" + urlEncode("您好，我在展会上看到了您的蜡染布");
  ASSERT_TRUE(contains(link, "%E6%82%A8%E5%A5%BD"));  // the bytes are in the link, not '?'s
  EXPECT_EQ(roundTrip(link), link);
}

TEST(QrCode, TheLongestAllowedTextStillScans) {
  std::string text = "https://example.id/?q=";
  while (text.size() < kMaxQrTextBytes) text += static_cast<char>('a' + text.size() % 26);
  EXPECT_EQ(roundTrip(text), text);
}

TEST(QrCode, OutsideTheMatrixIsTheLightQuietZone) {
  auto code = encodeQr("https://example.id");
  ASSERT_TRUE(code) << code.error().text();
  const QrCode& qr = code.value();
  ASSERT_GE(qr.size, 21);  // version 1 is the smallest
  ASSERT_EQ(qr.modules.size(), static_cast<std::size_t>(qr.size * qr.size));
  // Finder patterns sit in three corners and start dark; just beyond the matrix is light.
  EXPECT_TRUE(qr.dark(0, 0));
  EXPECT_TRUE(qr.dark(qr.size - 1, 0));
  EXPECT_TRUE(qr.dark(0, qr.size - 1));
  EXPECT_FALSE(qr.dark(-1, 0));
  EXPECT_FALSE(qr.dark(0, qr.size));
}

TEST(QrCode, EmptyTextIsRefusedWithAReason) {
  auto code = encodeQr("");
  ASSERT_FALSE(code);
  EXPECT_TRUE(contains(code.error().text(), "no text"));
}

TEST(QrCode, TooLongTextIsRefusedWithItsSize) {
  auto code = encodeQr(std::string(5000, 'x'));
  ASSERT_FALSE(code);
  EXPECT_TRUE(contains(code.error().text(), "5000 bytes"));
  EXPECT_TRUE(contains(code.error().text(), std::to_string(kMaxQrTextBytes)));
  EXPECT_FALSE(encodeQr(std::string(kMaxQrTextBytes + 1, 'x')));
}

TEST(QrCode, TextWithANulByteIsRefusedRatherThanCutShort) {
  auto code = encodeQr(std::string("https://example.id\0/evil", 24));
  ASSERT_FALSE(code);
  EXPECT_TRUE(contains(code.error().text(), "NUL"));
}

}  // namespace
}  // namespace etalase::kiosk
