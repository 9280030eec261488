// stats: the organiser's figures from JSON Lines exports (or merged files) and kiosk databases.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <vector>

#include "commands.h"
#include "kiosk/export/jsonl_reader.h"
#include "kiosk/export/lead_tally.h"
#include "kiosk/leads/lead_store.h"

namespace etalase::leadtool {

namespace {

namespace fs = std::filesystem;
using namespace etalase::exporting;
using Counts = std::map<std::string, std::int64_t>;

// A kiosk's database (copied off its data folder) rather than an export.
bool isSqliteFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  char head[16] = {};
  return in.read(head, sizeof head) && std::string_view(head, sizeof head) ==
                                           std::string_view("SQLite format 3\0", 16);
}

std::string standLabel(const std::string& standName, const std::string& deviceId) {
  if (standName.empty()) return deviceId;
  return deviceId.empty() ? standName : fmt::format("{} ({})", standName, deviceId);
}

// Characters, not bytes, so that names in Chinese or Arabic line up as well as a terminal can.
std::size_t width(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void printSection(const char* title, const Counts& counts, bool byName) {
  std::vector<std::pair<std::string, std::int64_t>> rows(counts.begin(), counts.end());
  if (!byName) {  // the most leads first
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
  }
  std::size_t nameWidth = 0;
  for (const auto& [name, count] : rows) nameWidth = std::max(nameWidth, width(name));
  std::size_t widest = 1;
  for (const auto& row : rows) widest = std::max(widest, fmt::format("{}", row.second).size());
  fmt::print("\n{}\n", title);
  for (const auto& [name, count] : rows) {
    fmt::print("  {}{}  {:>{}}\n", name, std::string(nameWidth - width(name), ' '), count, widest);
  }
}

}  // namespace

int runStats(const std::vector<fs::path>& inputs) {
  LeadTally tally;
  int read = 0;
  std::int64_t problems = 0;
  const auto problem = [&](const Error& error) {
    ++problems;
    fmt::print(stderr, "{}\n", error.text());
  };
  for (const fs::path& file : inputs) {
    if (isSqliteFile(file)) {
      leads::StoreOptions options;
      options.create = false;
      auto store = leads::LeadStore::open(file, options);
      if (!store) {
        problem(store.error());
        continue;
      }
      auto error = store.value().forEach({}, [&](const leads::Lead& lead) {
        tally.add(lead, lead.deviceId);
        return true;
      });
      if (error) problem(*error);  // what was read before it still counts
      ++read;
      continue;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      problem(Error{file.string(), "cannot be opened"});
      continue;
    }
    auto summary = readLeadLinesWithHeader(
        in, file.string(),
        [&](leads::Lead&& lead, const LeadLine& line) {
          tally.add(lead, standLabel(line.standName,
                                     lead.deviceId.empty() ? line.file.deviceId : lead.deviceId));
        },
        [&](std::int64_t, const std::string& message) {
          ++problems;
          fmt::print(stderr, "{}\n", message);
        });
    if (!summary) {
      problem(summary.error());
      continue;
    }
    ++read;
  }
  if (read == 0) return fail(Error{"", "no input could be read"});
  fmt::print("leads: {} in {} file{}", tally.leads(), read, read == 1 ? "" : "s");
  if (tally.duplicates() > 0) {
    fmt::print(" ({} more copies of these in several files, counted once)", tally.duplicates());
  }
  fmt::print("\n");
  if (problems > 0) fmt::print("problems: {} (listed on stderr)\n", problems);
  printSection("per stand", tally.perStand(), false);
  printSection("per product", tally.perProduct(), false);
  printSection("per country", tally.perCountry(), false);
  printSection("per buyer type", tally.perBuyerType(), false);
  printSection("per day (UTC)", tally.perDay(), true);
  return 0;
}

}  // namespace etalase::leadtool
