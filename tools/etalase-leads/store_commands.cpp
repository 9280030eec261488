// bench and check: the lead store itself (the power-cut test reads bench's output).
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

#include "commands.h"
#include "kiosk/leads/lead_store.h"
#include "kiosk/leads/synthetic_leads.h"

namespace etalase::leadtool {

namespace {

using namespace etalase::leads;
namespace fs = std::filesystem;

double percentile(std::vector<double> values, double fraction) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto index =
      static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(index, values.size() - 1)];
}

}  // namespace

int fail(const Error& error) {
  fmt::print(stderr, "etalase-leads: {}\n", error.text());
  return 1;
}

// Prints `committed <uuid>` (flushed) as soon as each add() has returned: a process that reads
// these lines knows which leads must survive a crash or power cut from then on.
int runBench(const fs::path& file, std::size_t count) {
  auto store = LeadStore::open(file);
  if (!store) return fail(store.error());
  SyntheticLeads synthetic(std::random_device{}(), "etalase-leads-bench");
  std::vector<double> milliseconds;
  milliseconds.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const Lead lead = synthetic.next();
    const auto start = std::chrono::steady_clock::now();
    if (auto error = store.value().add(lead)) return fail(*error);
    milliseconds.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count());
    std::fputs(fmt::format("committed {}\n", lead.uuid).c_str(), stdout);
    std::fflush(stdout);
  }
  auto total = store.value().count();
  if (!total) return fail(total.error());
  { auto closed = std::move(store.value()); }  // checkpoints the WAL into the file
  std::error_code ec;
  const auto bytes = fs::file_size(file, ec);
  fmt::print("{} commits, median {:.3f} ms, p99 {:.3f} ms; {} leads in {} ({:.1f} MiB)\n", count,
             percentile(milliseconds, 0.5), percentile(milliseconds, 0.99), total.value(),
             file.string(), static_cast<double>(ec ? 0 : bytes) / (1024.0 * 1024.0));
  return 0;
}

int runCheck(const fs::path& file) {
  StoreOptions options;
  options.create = false;
  auto store = LeadStore::open(file, options);
  if (!store) return fail(store.error());
  if (auto error = store.value().integrityCheck()) return fail(*error);
  auto total = store.value().count();
  if (!total) return fail(total.error());
  fmt::print("{}: ok, {} leads\n", file.string(), total.value());
  return 0;
}

}  // namespace etalase::leadtool
