// etalase-pack as staff run it: exit statuses, the lines it prints, the starter pack, the demo pack
// and the poster cache it fills for the kiosk.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "kiosk/packs/product_poster.h"
#include "media/poster_cache.h"
#include "test_support.h"

namespace etalase::kiosk {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string currentTestName() { return testing::UnitTest::GetInstance()->current_test_info()->name(); }

std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct ToolRun {
  int status = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

// Runs etalase-pack with `arguments` (already quoted), `environment` before it.
ToolRun runTool(const std::string& arguments, const std::string& environment = "") {
  const fs::path errFile = test::freshTempDirectory(currentTestName() + "-stderr") / "stderr";
  const std::string command = environment + " " + quoted(ETALASE_PACK_EXECUTABLE) + " " + arguments + " 2>" + quoted(errFile.string());
  ToolRun run;
  std::FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return run;
  char buffer[4096];
  while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) run.out.append(buffer, n);
  const int status = ::pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(errFile);
  run.err.assign(std::istreambuf_iterator<char>(in), {});
  return run;
}

testing::AssertionResult contains(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return testing::AssertionSuccess();
  return testing::AssertionFailure() << "\"" << text << "\" does not mention \"" << part << "\"";
}

fs::path newPack(const fs::path& folder) {
  const ToolRun made = runTool("new " + quoted(folder.string()));
  EXPECT_EQ(made.status, 0) << made.out << made.err;
  return folder;
}

void editManifest(const fs::path& pack, const std::function<void(json&)>& edit) {
  json manifest = json::parse(std::ifstream(pack / "pack.json"));
  edit(manifest);
  std::ofstream(pack / "pack.json", std::ios::trunc) << manifest.dump(2);
}

TEST(PackToolTest, NewPackValidatesWithoutWarnings) {
  const fs::path pack = newPack(test::freshTempDirectory(currentTestName()) / "starter");
  const ToolRun run = runTool("validate " + quoted(pack.string()));
  EXPECT_EQ(run.status, 0) << run.out << run.err;
  EXPECT_EQ(run.out, "PASSED: 0 errors, 0 warnings, 3 media files decoded\n") << run.err;
  EXPECT_TRUE(contains(run.err, "checking video 3/3: videos/example-product.mp4"));
}

TEST(PackToolTest, NewPackShowsEveryFieldOfTheFormat) {
  const fs::path pack = newPack(test::freshTempDirectory(currentTestName()) / "starter");
  const json manifest = json::parse(std::ifstream(pack / "pack.json"));
  for (const char* key : {"id", "producer", "category", "name", "description", "materials", "certifications",
                          "capacity_per_month", "minimum_order", "price_range", "lead_time_days", "hs_code", "markets",
                          "photos", "videos"}) {
    EXPECT_TRUE(manifest["products"][0].contains(key)) << key;
  }
  for (const char* key : {"id", "name", "region", "story", "logo", "contact"}) {
    EXPECT_TRUE(manifest["producers"][0].contains(key)) << key;
  }
  EXPECT_TRUE(manifest.contains("attract"));
  EXPECT_EQ(manifest["products"][0]["name"].size(), 2u);  // en and id
}

TEST(PackToolTest, NewRefusesAFolderThatIsNotEmpty) {
  const fs::path folder = test::freshTempDirectory(currentTestName());
  std::ofstream(folder / "pack.json") << "mine";
  const ToolRun run = runTool("new " + quoted(folder.string()));
  EXPECT_EQ(run.status, 1);
  EXPECT_TRUE(contains(run.err, "not empty"));
  std::ifstream in(folder / "pack.json");
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "mine");
}

TEST(PackToolTest, ValidatePrintsFileFieldAndSeverityAndFails) {
  const fs::path pack = newPack(test::freshTempDirectory(currentTestName()) / "starter");
  editManifest(pack, [](json& m) {
    m["products"][0]["photos"][0] = "images/missing.jpg";
    m["products"][0]["videos"][0] = "images/example-product.jpg";  // a picture is not a video
  });
  const ToolRun run = runTool("validate " + quoted(pack.string()));
  EXPECT_EQ(run.status, 1) << run.out;
  EXPECT_TRUE(contains(run.out, "pack.json: products[0].photos[0]: warning: file images/missing.jpg not found in the pack\n"));
  EXPECT_TRUE(contains(run.out, "images/example-product.jpg: products[0].videos[0]: error: "));
  EXPECT_TRUE(contains(run.out, "FAILED: 1 error, 1 warning"));
}

TEST(PackToolTest, ValidateOfABrokenManifestFails) {
  const fs::path pack = newPack(test::freshTempDirectory(currentTestName()) / "starter");
  editManifest(pack, [](json& m) { m["products"][0]["name"] = 42; });
  const ToolRun run = runTool("validate " + quoted(pack.string()));
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out, "pack.json: products[0].name: error: must be an object, not number\n"
                     "FAILED: 1 error, 0 warnings, 0 media files decoded\n");
}

TEST(PackToolTest, BadUsageExitsWithTwo) {
  EXPECT_EQ(runTool("validate").status, 2);
  EXPECT_EQ(runTool("").status, 2);
  EXPECT_EQ(runTool("frobnicate x").status, 2);
  EXPECT_EQ(runTool("validate --help").status, 0);
}

TEST(PackToolTest, DemoPackValidates) {
  const ToolRun run = runTool("validate " + quoted(test::demoPack().string()));
  EXPECT_EQ(run.status, 0) << run.out;
  EXPECT_TRUE(contains(run.out, "PASSED: 0 errors, 0 warnings")) << run.out;
}

TEST(PackToolTest, ThumbnailsFillTheCacheTheKioskReads) {
  const fs::path base = test::freshTempDirectory(currentTestName());
  const fs::path pack = newPack(base / "starter");
  editManifest(pack, [](json& m) { m["products"][0]["photos"] = json::array(); });  // the grid needs a poster
  const std::string environment = "ETALASE_DATA_DIR=" + quoted((base / "data").string());
  const ToolRun first = runTool("thumbnails " + quoted(pack.string()), environment);
  EXPECT_EQ(first.status, 0) << first.out << first.err;
  EXPECT_TRUE(contains(first.out, "product 1/1 example-product: videos/example-product.mp4: poster made"));
  // Exactly where the kiosk looks for it.
  const media::PosterCache cache(base / "data" / "cache" / "posters");
  const fs::path video = fs::absolute(pack / "videos" / "example-product.mp4").lexically_normal();
  EXPECT_TRUE(fs::exists(cache.entryFor(video.string(), kPosterMaxWidth, kPosterMaxHeight)));
  const ToolRun second = runTool("thumbnails " + quoted(pack.string()), environment);
  EXPECT_TRUE(contains(second.out, "already cached")) << second.out;
}

TEST(PackToolTest, ThumbnailsReportAVideoThatHasNoPicture) {
  const fs::path base = test::freshTempDirectory(currentTestName());
  const fs::path pack = newPack(base / "starter");
  editManifest(pack, [](json& m) { m["products"][0]["photos"] = json::array(); });
  fs::copy_file(test::testMedia("corrupt.mp4"), pack / "videos" / "example-product.mp4", fs::copy_options::overwrite_existing);
  const ToolRun run = runTool("thumbnails " + quoted(pack.string()), "ETALASE_DATA_DIR=" + quoted((base / "data").string()));
  EXPECT_EQ(run.status, 1);
  EXPECT_TRUE(contains(run.err, "products[0] (example-product)"));
  EXPECT_TRUE(contains(run.out, "FAILED"));
}

}  // namespace
}  // namespace etalase::kiosk
