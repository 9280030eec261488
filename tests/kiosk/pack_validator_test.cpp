// Pack validator: one test per class of problem, each checking that the report names the file and
// the field, and that media are decoded by a child process whose crash or hang is only a report.
#include "kiosk/packs/pack_validator.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "kiosk/catalog/catalog.h"
#include "test_support.h"
#include "tools/etalase-pack/placeholder_media.h"

namespace etalase::kiosk {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string currentTestName() { return testing::UnitTest::GetInstance()->current_test_info()->name(); }

json validManifest() {
  return json::parse(R"({
    "schema_version": 1,
    "pack": {"id": "test-pack", "title": {"en": "Test pack", "id": "Paket uji"}, "languages": ["en", "id"]},
    "producers": [{"id": "maker", "name": {"en": "Maker", "id": "Pembuat"},
                   "contact": {"email": "maker@example.com"}}],
    "products": [{
      "id": "cloth",
      "producer": "maker",
      "name": {"en": "Cloth", "id": "Kain"},
      "photos": ["images/cloth.jpg"],
      "videos": ["videos/cloth.mp4"]
    }]
  })");
}

// A pack whose photo and video are real, decodable files from the generated test media.
fs::path writePack(const fs::path& folder, const std::string& manifestText) {
  fs::create_directories(folder / "videos");
  fs::create_directories(folder / "images");
  fs::copy_file(test::testMedia("h264_aac_2s.mp4"), folder / "videos" / "cloth.mp4", fs::copy_options::overwrite_existing);
  fs::copy_file(test::testMedia("photo.jpg"), folder / "images" / "cloth.jpg", fs::copy_options::overwrite_existing);
  std::ofstream(folder / kManifestName, std::ios::binary) << manifestText;
  return folder;
}

fs::path writePack(const json& manifest) {
  return writePack(test::freshTempDirectory(currentTestName()) / "pack", manifest.dump(2));
}

ValidateOptions realChecker() {
  ValidateOptions options;
  options.mediaChecker = {ETALASE_PACK_EXECUTABLE, "check-media"};
  options.perFileTimeout = std::chrono::seconds(60);
  return options;
}

// A fake media checker: a shell script with this body.
ValidateOptions scriptChecker(const std::string& body) {
  const fs::path script = test::freshTempDirectory(currentTestName() + "-checker") / "checker.sh";
  std::ofstream(script) << body << "\n";
  ValidateOptions options;
  options.mediaChecker = {"/bin/sh", script.string()};
  options.perFileTimeout = std::chrono::seconds(60);
  return options;
}

std::string describe(const PackReport& report) {
  std::string text;
  for (const PackProblem& p : report.problems) {
    text += (p.fatal ? "  error " : "  warning ") + p.file + " | " + p.field + " | " + p.what + "\n";
  }
  return text.empty() ? "  (no problems)\n" : text;
}

// The one problem about `field`; fails the test when there is not exactly one.
PackProblem problemAt(const PackReport& report, const std::string& field) {
  const PackProblem* found = nullptr;
  int count = 0;
  for (const PackProblem& p : report.problems) {
    if (p.field == field) {
      found = &p;
      ++count;
    }
  }
  if (count != 1) {
    ADD_FAILURE() << count << " problems about " << field << " in:\n" << describe(report);
    return {};
  }
  return *found;
}

testing::AssertionResult contains(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return testing::AssertionSuccess();
  return testing::AssertionFailure() << "\"" << text << "\" does not mention \"" << part << "\"";
}

// ---------------------------------------------------------------- the fixture itself

// Guards the tests below: they fail for the one thing they spoil, not for the fixture.
TEST(PackValidatorTest, UnspoiledFixturePassesWithNoProblemsAndDecodesBothFiles) {
  const PackReport report = validatePack(writePack(validManifest()), realChecker());
  EXPECT_TRUE(report.passed());
  EXPECT_TRUE(report.problems.empty()) << describe(report);
  EXPECT_EQ(report.mediaFilesChecked, 2);
}

TEST(PackValidatorTest, ProgressNamesEveryMediaFileOnce) {
  json manifest = validManifest();
  manifest["attract"] = {"videos/cloth.mp4"};  // the same video twice in the manifest
  ValidateOptions options;
  std::vector<std::string> seen;
  options.progress = [&](const MediaCheckProgress& p) {
    seen.push_back(fmt::format("{} {}/{} {}", p.kind, p.index, p.count, p.file));
  };
  validatePack(writePack(manifest), options);
  EXPECT_EQ(seen, (std::vector<std::string>{"image 1/2 images/cloth.jpg", "video 2/2 videos/cloth.mp4"}));
}

// ---------------------------------------------------------------- the manifest

TEST(PackValidatorTest, MalformedJsonNamesLineAndColumn) {
  const fs::path pack = writePack(test::freshTempDirectory(currentTestName()) / "pack",
                                  "{\n  \"schema_version\": 1,\n  \"pack\": }\n");
  const PackReport report = validatePack(pack, {});
  ASSERT_FALSE(report.passed());
  ASSERT_EQ(report.problems.size(), 1u) << describe(report);
  EXPECT_EQ(report.problems[0].file, "pack.json");
  EXPECT_TRUE(contains(report.problems[0].what, "line 3, column 11"));
}

TEST(PackValidatorTest, WrongTypeNamesTheFieldPath) {
  json manifest = validManifest();
  manifest["products"][0]["price_range"] = {{"min", 1}, {"max", 2}, {"currency", 5}};
  const PackReport report = validatePack(writePack(manifest), {});
  ASSERT_FALSE(report.passed());
  const PackProblem problem = problemAt(report, "products[0].price_range.currency");
  EXPECT_EQ(problem.file, "pack.json");
  EXPECT_TRUE(problem.fatal);
  EXPECT_TRUE(contains(problem.what, "must be text, not number"));
}

TEST(PackValidatorTest, BadUtf8NamesLineAndColumn) {
  std::string manifest = validManifest().dump(2);
  const std::string name = "\"Kain\"";
  ASSERT_NE(manifest.find(name), std::string::npos);
  const std::size_t at = manifest.find(name);
  manifest.replace(at, name.size(), "\"Ka\xff\xfein\"");
  const std::size_t line = 1 + static_cast<std::size_t>(std::count(manifest.begin(), manifest.begin() + at, '\n'));
  const PackReport report = validatePack(writePack(test::freshTempDirectory(currentTestName()) / "pack", manifest), {});
  ASSERT_EQ(report.problems.size(), 1u) << describe(report);
  EXPECT_TRUE(report.problems[0].fatal);
  EXPECT_TRUE(contains(report.problems[0].what, "UTF-8"));
  EXPECT_TRUE(contains(report.problems[0].what, fmt::format("line {}, column", line)));
}

TEST(PackValidatorTest, ManifestOverTheLimitIsRefusedUnread) {
  const fs::path folder = test::freshTempDirectory(currentTestName()) / "pack";
  std::string manifest = validManifest().dump();
  manifest.insert(1, std::string(kMaxManifestBytes, ' '));  // valid JSON, just too big
  const PackReport report = validatePack(writePack(folder, manifest), {});
  ASSERT_EQ(report.problems.size(), 1u) << describe(report);
  EXPECT_EQ(report.problems[0].file, "pack.json");
  EXPECT_TRUE(contains(report.problems[0].what, "more than the 4.0 MiB"));
}

TEST(PackValidatorTest, MissingFileIsAWarningNamingTheField) {
  json manifest = validManifest();
  manifest["products"][0]["photos"][0] = "images/missing.jpg";
  const PackReport report = validatePack(writePack(manifest), {});
  EXPECT_TRUE(report.passed()) << describe(report);
  const PackProblem problem = problemAt(report, "products[0].photos[0]");
  EXPECT_FALSE(problem.fatal);
  EXPECT_TRUE(contains(problem.what, "images/missing.jpg"));
  EXPECT_TRUE(contains(problem.what, "not found"));
}

// ---------------------------------------------------------------- paths leading out

TEST(PackValidatorTest, DotDotPathIsRefused) {
  const fs::path base = test::freshTempDirectory(currentTestName());
  std::ofstream(base / "secret.jpg") << "outside the pack";
  json manifest = validManifest();
  manifest["products"][0]["photos"][0] = "images/../../secret.jpg";
  const PackReport report = validatePack(writePack(base / "pack", manifest.dump()), {});
  ASSERT_FALSE(report.passed());
  EXPECT_TRUE(contains(problemAt(report, "products[0].photos[0]").what, "out of the pack"));
}

TEST(PackValidatorTest, AbsolutePathIsRefused) {
  const fs::path base = test::freshTempDirectory(currentTestName());
  std::ofstream(base / "secret.jpg") << "outside the pack";
  json manifest = validManifest();
  manifest["producers"][0]["logo"] = (base / "secret.jpg").string();
  const PackReport report = validatePack(writePack(base / "pack", manifest.dump()), {});
  ASSERT_FALSE(report.passed());
  EXPECT_TRUE(contains(problemAt(report, "producers[0].logo").what, "absolute path"));
}

TEST(PackValidatorTest, SymlinkLeadingOutIsRefused) {
  const fs::path base = test::freshTempDirectory(currentTestName());
  std::ofstream(base / "secret.jpg") << "outside the pack";
  const fs::path pack = writePack(base / "pack", validManifest().dump());
  fs::remove(pack / "images" / "cloth.jpg");
  fs::create_symlink(base / "secret.jpg", pack / "images" / "cloth.jpg");
  const PackReport report = validatePack(pack, {});
  ASSERT_FALSE(report.passed());
  const PackProblem problem = problemAt(report, "products[0].photos[0]");
  EXPECT_TRUE(contains(problem.what, "symbolic link"));
  EXPECT_TRUE(contains(problem.what, (base / "secret.jpg").string()));
}

TEST(PackValidatorTest, SymlinkedFolderLeadingOutIsRefusedEvenForAMissingFile) {
  const fs::path base = test::freshTempDirectory(currentTestName());
  fs::create_directories(base / "elsewhere");
  json manifest = validManifest();
  manifest["products"][0]["videos"][0] = "linked/none.mp4";
  const fs::path pack = writePack(base / "pack", manifest.dump());
  fs::create_directory_symlink(base / "elsewhere", pack / "linked");
  const PackReport report = validatePack(pack, {});
  ASSERT_FALSE(report.passed());
  EXPECT_TRUE(contains(problemAt(report, "products[0].videos[0]").what, "symbolic link"));
}

// Links are fine while they stay in the pack (one photo shared by two names, say).
TEST(PackValidatorTest, SymlinkInsideThePackIsAccepted) {
  json manifest = validManifest();
  manifest["products"][0]["photos"][0] = "images/same.jpg";
  const fs::path pack = writePack(manifest);
  fs::create_symlink("cloth.jpg", pack / "images" / "same.jpg");
  const PackReport report = validatePack(pack, {});
  EXPECT_TRUE(report.passed()) << describe(report);
  EXPECT_TRUE(report.problems.empty()) << describe(report);
}

// ---------------------------------------------------------------- content

TEST(PackValidatorTest, DuplicateProductIdIsAnError) {
  json manifest = validManifest();
  manifest["products"].push_back(manifest["products"][0]);
  const PackReport report = validatePack(writePack(manifest), {});
  ASSERT_FALSE(report.passed());
  const PackProblem problem = problemAt(report, "products[1].id");
  EXPECT_TRUE(problem.fatal);
  EXPECT_TRUE(contains(problem.what, "\"cloth\" is also the id of products[0]"));
}

TEST(PackValidatorTest, DuplicateProducerIdIsAnError) {
  json manifest = validManifest();
  manifest["producers"].push_back(manifest["producers"][0]);
  const PackReport report = validatePack(writePack(manifest), {});
  ASSERT_FALSE(report.passed());
  EXPECT_TRUE(contains(problemAt(report, "producers[1].id").what, "also the id of producers[0]"));
}

TEST(PackValidatorTest, ProducerWithoutContactIsAWarning) {
  json manifest = validManifest();
  manifest["producers"][0].erase("contact");
  const PackReport report = validatePack(writePack(manifest), {});
  EXPECT_TRUE(report.passed());
  const PackProblem problem = problemAt(report, "producers[0].contact");
  EXPECT_FALSE(problem.fatal);
  EXPECT_TRUE(contains(problem.what, "products[0]"));
}

TEST(PackValidatorTest, TextMissingInTheDefaultLanguageIsAWarningNamingTheField) {
  json manifest = validManifest();
  manifest["pack"]["default_language"] = "id";
  manifest["products"][0]["description"] = {{"en", "Only in English"}};
  const PackReport report = validatePack(writePack(manifest), {});
  EXPECT_TRUE(report.passed());
  const PackProblem problem = problemAt(report, "products[0].description");
  EXPECT_FALSE(problem.fatal);
  EXPECT_TRUE(contains(problem.what, "default language (id)"));
}

TEST(PackValidatorTest, LanguageTheKioskDoesNotOfferIsAWarning) {
  json manifest = validManifest();
  manifest["pack"]["languages"] = {"en", "id", "fr"};
  manifest["products"][0]["name"]["de"] = "Stoff";
  const PackReport report = validatePack(writePack(manifest), {});
  EXPECT_TRUE(report.passed());
  EXPECT_TRUE(contains(problemAt(report, "pack.languages[2]").what, "\"fr\""));
  EXPECT_TRUE(contains(problemAt(report, "products[0].name.de").what, "\"de\""));
}

// ---------------------------------------------------------------- media files

TEST(PackValidatorTest, ImageThatCannotBeDecodedIsAnError) {
  const fs::path pack = writePack(validManifest());
  std::ofstream(pack / "images" / "cloth.jpg", std::ios::trunc) << "this is not a picture\n";
  const PackReport report = validatePack(pack, realChecker());
  ASSERT_FALSE(report.passed());
  const PackProblem problem = problemAt(report, "products[0].photos[0]");
  EXPECT_EQ(problem.file, "images/cloth.jpg");
  EXPECT_TRUE(contains(problem.what, "cannot"));
}

TEST(PackValidatorTest, TruncatedVideoIsAnError) {
  const fs::path pack = writePack(validManifest());
  fs::copy_file(test::testMedia("truncated.mp4"), pack / "videos" / "cloth.mp4", fs::copy_options::overwrite_existing);
  const PackReport report = validatePack(pack, realChecker());
  ASSERT_FALSE(report.passed());
  const PackProblem problem = problemAt(report, "products[0].videos[0]");
  EXPECT_EQ(problem.file, "videos/cloth.mp4");
  EXPECT_TRUE(contains(problem.what, "cannot open the file"));
}

TEST(PackValidatorTest, GarbageVideoIsAnError) {
  const fs::path pack = writePack(validManifest());
  fs::copy_file(test::testMedia("corrupt.mp4"), pack / "videos" / "cloth.mp4", fs::copy_options::overwrite_existing);
  const PackReport report = validatePack(pack, realChecker());
  ASSERT_FALSE(report.passed());
  EXPECT_TRUE(contains(problemAt(report, "products[0].videos[0]").what, "Invalid data"));
}

// The checker here would crash: a file refused for its size must never reach it.
TEST(PackValidatorTest, HugeVideoIsReportedWithoutDecodingIt) {
  const fs::path pack = writePack(validManifest());
  fs::resize_file(pack / "videos" / "cloth.mp4", std::uintmax_t{2} * 1024 * 1024 * 1024 + 1);  // sparse
  const PackReport report = validatePack(pack, scriptChecker("kill -SEGV $$"));
  const PackProblem problem = problemAt(report, "products[0].videos[0]");
  EXPECT_TRUE(problem.fatal);
  EXPECT_EQ(problem.file, "videos/cloth.mp4");
  EXPECT_TRUE(contains(problem.what, "the video is 2.0 GiB, more than the 2.0 GiB a video may be"));
}

TEST(PackValidatorTest, HugeImageFileIsReportedWithoutDecodingIt) {
  const fs::path pack = writePack(validManifest());
  fs::resize_file(pack / "images" / "cloth.jpg", 41'000'000);  // sparse
  const PackReport report = validatePack(pack, scriptChecker("kill -SEGV $$"));
  const PackProblem problem = problemAt(report, "products[0].photos[0]");
  EXPECT_TRUE(problem.fatal);
  EXPECT_TRUE(contains(problem.what, "41.0 MB, more than the 40.0 MB"));
}

TEST(PackValidatorTest, ImageWiderThanTheLimitIsReported) {
  const fs::path pack = writePack(validManifest());
  auto written = pack::writePng(pack / "images" / "cloth.jpg", 8001, 2, [](int, int, double) { return pack::Rgb{}; });
  ASSERT_TRUE(written) << written.error().text();
  const PackReport report = validatePack(pack, realChecker());
  const PackProblem problem = problemAt(report, "products[0].photos[0]");
  EXPECT_TRUE(problem.fatal);
  EXPECT_TRUE(contains(problem.what, "8001x2 pixels, more than the 8000x8000"));
}

TEST(PackValidatorTest, DecoderCrashIsReportedWithItsSignal) {
  const PackReport report = validatePack(writePack(validManifest()), scriptChecker("kill -SEGV $$"));
  ASSERT_FALSE(report.passed());
  const PackProblem problem = problemAt(report, "products[0].videos[0]");
  EXPECT_EQ(problem.file, "videos/cloth.mp4");
  EXPECT_EQ(problem.what, "the decoder crashed (signal 11)");
  EXPECT_EQ(problemAt(report, "products[0].photos[0]").what, "the decoder crashed (signal 11)");
}

TEST(PackValidatorTest, DecoderHangIsKilledAndReported) {
  ValidateOptions options = scriptChecker("sleep 100");
  options.perFileTimeout = std::chrono::milliseconds(300);
  const PackReport report = validatePack(writePack(validManifest()), options);
  ASSERT_FALSE(report.passed());
  EXPECT_EQ(problemAt(report, "products[0].videos[0]").what, "decoding did not finish in 0.3 s");
}

TEST(PackValidatorTest, CheckerFailureReasonIsItsLastLine) {
  const PackReport report =
      validatePack(writePack(validManifest()), scriptChecker("echo noise >&2; echo 'bad frame 7' >&2; exit 1"));
  EXPECT_EQ(problemAt(report, "products[0].videos[0]").what, "bad frame 7");
}

TEST(PackValidatorTest, CheckerIsGivenTheKindAndTheFile) {
  // Fails (naming its arguments) unless called as documented in ValidateOptions.
  const PackReport report = validatePack(
      writePack(validManifest()),
      scriptChecker("[ \"$1 $2 $3 $5\" = \"--kind $(case $6 in *.mp4) echo video;; *) echo image;; esac) --max-size --\" ] "
                    "&& [ -f \"$6\" ] && exit 0; echo \"called with: $*\" >&2; exit 1"));
  EXPECT_TRUE(report.passed()) << describe(report);
  EXPECT_EQ(report.mediaFilesChecked, 2);
}

TEST(PackValidatorTest, MissingCheckerIsReportedOnce) {
  ValidateOptions options;
  options.mediaChecker = {"/nonexistent/etalase-checker"};
  const PackReport report = validatePack(writePack(validManifest()), options);
  ASSERT_FALSE(report.passed());
  ASSERT_EQ(report.problems.size(), 1u) << describe(report);
  EXPECT_TRUE(contains(report.problems[0].what, "/nonexistent/etalase-checker"));
}

}  // namespace
}  // namespace etalase::kiosk
