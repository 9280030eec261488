// etalase-pack: checks content packs, prepares their poster frames, and starts new ones.
extern "C" {
#include <libavutil/log.h>
}

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>

#include "check_media.h"
#include "new_pack.h"
#include "thumbnails_command.h"
#include "validate_command.h"

namespace {

namespace fs = std::filesystem;
using namespace etalase;

constexpr int kUsageError = 2;

// The checker is this same program, found again by path so it runs the same build.
std::vector<std::string> selfCheckMedia(const char* argv0) {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return {ec ? std::string(argv0) : self.string(), "check-media"};
}

int runNew(const fs::path& folder) {
  auto written = pack::writeStarterPack(folder);
  if (!written) {
    fmt::print(stderr, "error: {}\n", written.error().text());
    return 1;
  }
  for (const fs::path& file : written.value()) fmt::print("wrote {}\n", (folder / file).string());
  fmt::print("A starter pack is in {}. Replace its texts, photos and videos with yours, then run\n"
             "  etalase-pack validate {}\n",
             folder.string(), folder.string());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"etalase-pack: check, prepare and start Etalase content packs (see docs/pack-format.md)",
               "etalase-pack"};
  app.require_subcommand(1);

  pack::ValidateCommand validate;
  double timeoutSeconds = 300;
  bool noMedia = false;
  CLI::App* validateCommand = app.add_subcommand(
      "validate", "Check a pack: the manifest, its texts, and every video and picture decoded in full. "
                  "Exit status 0 when it passes (warnings allowed), 1 when it fails.");
  validateCommand->add_option("PACK", validate.pack, "The pack folder (with pack.json)")->required();
  validateCommand->add_option("--timeout", timeoutSeconds, "Seconds one file may take to decode before it counts as a hang")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  validateCommand->add_flag("--no-media", noMedia, "Check the manifest and that files exist, without decoding them");

  fs::path thumbnailsPack;
  CLI::App* thumbnailsCommand = app.add_subcommand(
      "thumbnails", "Make the poster frames of the product grid now, into the kiosk's cache "
                    "(DATA/cache/posters), so the first start on a stand is quick.");
  thumbnailsCommand->add_option("PACK", thumbnailsPack, "The pack folder (with pack.json)")->required();

  fs::path newPack;
  CLI::App* newCommand = app.add_subcommand(
      "new", "Write a starter pack (every field of pack.json, a photo, a logo and a video) into a new or empty folder.");
  newCommand->add_option("PACK", newPack, "The folder to create")->required();

  std::string checkFile, kind = "video", maxSize = "8000x8000";
  CLI::App* checkCommand = app.add_subcommand("check-media", "Decode one file completely (run by validate)");
  checkCommand->group("");  // internal: not listed in --help
  checkCommand->add_option("FILE", checkFile)->required();
  checkCommand->add_option("--kind", kind)->check(CLI::IsMember({"video", "image"}));
  checkCommand->add_option("--max-size", maxSize);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kUsageError;
  }

  // libav's per-frame chatter would drown the report; its errors stay.
  av_log_set_level(AV_LOG_ERROR);
  if (*validateCommand) {
    validate.mediaChecker = selfCheckMedia(argv[0]);
    validate.timeout = std::chrono::milliseconds(static_cast<long long>(timeoutSeconds * 1000.0));
    validate.decodeMedia = !noMedia;
    return pack::runValidate(validate, stdout, stderr);
  }
  if (*thumbnailsCommand) return pack::runThumbnails(thumbnailsPack, stdout, stderr);
  if (*newCommand) return runNew(newPack);
  pack::MediaCheck check;
  check.video = kind == "video";
  if (std::sscanf(maxSize.c_str(), "%dx%d", &check.maxImageWidth, &check.maxImageHeight) != 2) {
    fmt::print(stderr, "--max-size must be WIDTHxHEIGHT, not {}\n", maxSize);
    return kUsageError;
  }
  return pack::runCheckMedia(checkFile, check);
}
