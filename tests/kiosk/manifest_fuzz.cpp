// Fuzzes the manifest loader the way a broken or hostile pack would reach it: a pack.json on disk
// read by loadCatalog, as `etalase --pack` and the USB installer do. Any exception escaping the
// loader ends the process (std::terminate), so a run that ends with exit 0 found no crash.
//
//   manifest_fuzz [--seconds N] [--seed S] [SEED_FILE...]
//
// The test command runs it for a few seconds under the sanitizers; give it --seconds 1800 for a
// long run. The mutations splice in what broke parsers before: numbers out of range, deep
// nesting, lone surrogates, NUL bytes, wrong types where objects are expected.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "kiosk/catalog/catalog.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kTokens = {
    "1e99999", "-1e99999", "1.7976931348623157e309", "18446744073709551616", "-9223372036854775809",
    "0.0000000000000000000000000001", "-0", "NaN", "Infinity", "null", "true", "[]", "{}", "\"\"", "[[[[[[[[",
    "]]]]]]]]", "{\"\":{\"\":{\"\":", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u0000\"", std::string("\0", 1),
    "\xff\xfe", "\xc3\x28", "\"..\\/..\\/etc/passwd\"", "\"/etc/passwd\"", "\"videos/../../x.mp4\"", ",", ":", "\"",
    "\"schema_version\":", "\"products\":", "\"producers\":", "\"price_range\":{\"min\":", "\"photos\":[",
    "\"videos\":[", "\"languages\":[", "\"attract\":[", "\"markets\":[", "\"lead_time_days\":", "\"consent\":{"};

std::string readFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// One of a few kinds of damage, at random places.
std::string mutate(std::string text, std::mt19937_64& random) {
  auto pick = [&](std::size_t n) { return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
  const int edits = 1 + static_cast<int>(pick(4));
  for (int e = 0; e < edits; ++e) {
    const std::size_t at = pick(text.size() + 1);
    switch (pick(7)) {
      case 0:  // flip a byte
        if (!text.empty()) text[pick(text.size())] ^= static_cast<char>(1u << pick(8));
        break;
      case 1:  // splice in a token
        text.insert(at, kTokens[pick(kTokens.size())]);
        break;
      case 2:  // cut a piece out
        text.erase(at, pick(64));
        break;
      case 3:  // repeat a piece (long arrays, deep nesting)
        if (at < text.size()) {
          const std::string piece = text.substr(at, 1 + pick(32));
          for (std::size_t k = pick(200); k > 0; --k) text.insert(at, piece);
        }
        break;
      case 4:  // replace a number-looking run with a huge one
        text.insert(at, pick(2) ? "1e99999" : "99999999999999999999999999999");
        break;
      case 5:  // truncate
        text.resize(at);
        break;
      default:  // nest the rest very deep
        text.insert(at, std::string(1 + pick(5000), pick(2) ? '[' : '{'));
        break;
    }
  }
  return text;
}

enum class Outcome { Loaded, Refused, Unexplained };

// The loader must always come back with a catalog or an Error a person can read.
Outcome loadsOrExplains(const fs::path& pack, const std::string& manifest) {
  {
    std::ofstream out(pack / "pack.json", std::ios::binary | std::ios::trunc);
    out << manifest;
  }
  auto loaded = etalase::kiosk::loadCatalog(pack);
  if (loaded) return Outcome::Loaded;
  const std::string text = loaded.error().text();
  return !text.empty() && text.find('\0') == std::string::npos ? Outcome::Refused : Outcome::Unexplained;
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 5;
  unsigned long long seed = std::random_device{}();
  std::vector<std::string> seeds;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--seconds" && i + 1 < argc) {
      seconds = std::atof(argv[++i]);
    } else if (arg == "--seed" && i + 1 < argc) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else {
      seeds.push_back(readFile(arg));
    }
  }
  const fs::path demo = etalase::test::demoPack() / "pack.json";
  if (seeds.empty() && fs::exists(demo)) seeds.push_back(readFile(demo));
  seeds.push_back(R"({"schema_version":1,"pack":{"id":"p","title":{"en":"T"}},"producers":[],"products":[]})");

  // The demo pack's media stay reachable, so mutations that keep paths intact go deeper.
  const fs::path pack = etalase::test::freshTempDirectory("manifest-fuzz");
  std::error_code ec;
  if (fs::exists(demo)) {
    for (const char* folder : {"videos", "images"}) fs::create_directory_symlink(demo.parent_path() / folder, pack / folder, ec);
  }

  std::mt19937_64 random(seed);
  const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  long runs = 0, loaded = 0, refused = 0;
  std::string current = seeds.front();
  while (std::chrono::steady_clock::now() < end) {
    // Mostly fresh mutations of a seed, sometimes a mutation of the last mutant (damage piles up).
    if (runs % 4 == 0) current = seeds[runs / 4 % seeds.size()];
    current = mutate(current, random);
    if (current.size() > 2'000'000) current = seeds.front();
    const Outcome outcome = loadsOrExplains(pack, current);
    if (outcome == Outcome::Unexplained) {
      const fs::path keep = fs::temp_directory_path() / fmt::format("manifest-fuzz-failure-{}.json", seed);
      std::ofstream(keep, std::ios::binary) << current;
      std::fprintf(stderr, "manifest_fuzz: an empty or unreadable error for input kept in %s\n", keep.c_str());
      return 1;
    }
    ++runs;
    (outcome == Outcome::Loaded ? loaded : refused) += 1;
  }
  std::printf("manifest_fuzz: %ld inputs in %.0f s (seed %llu): %ld loaded, %ld refused with a message, 0 crashes\n",
              runs, seconds, seed, loaded, refused);
  return 0;
}
