// synth-jsonl (hidden): made-up kiosk exports for the merge benchmark and tests. Never real people.
#include <fmt/format.h>

#include <algorithm>
#include <random>
#include <vector>

#include "commands.h"
#include "kiosk/export/lead_writer.h"
#include "kiosk/leads/synthetic_leads.h"

namespace etalase::leadtool {

namespace {

namespace fs = std::filesystem;
using namespace etalase::exporting;

constexpr int kRepeatedFromPrevious = 20;  // an "all" export overlapping the one before
constexpr int kPoolPeople = 200;           // people who visit several stands
constexpr double kPoolShare = 0.05;

// The same address as a person types it at another stand.
std::string typedDifferently(const std::string& email, std::mt19937_64& random) {
  std::string text = email;
  if (random() % 2) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; });
  }
  return random() % 2 ? fmt::format(" {} ", text) : text;
}

}  // namespace

int runSynthJsonl(const fs::path& folder, int files, int leadsPerFile, unsigned seed) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return fail(Error{folder.string(), "creating the folder: " + ec.message()});
  std::mt19937_64 random(seed);
  leads::SyntheticLeads poolMaker(seed + 1, "pool");
  std::vector<leads::Lead> pool;
  for (int i = 0; i < kPoolPeople; ++i) pool.push_back(poolMaker.next());
  std::vector<leads::Lead> previous;
  std::int64_t total = 0;
  for (int f = 0; f < files; ++f) {
    const std::string device = fmt::format("kiosk-{:03}", f + 1);
    leads::SyntheticLeads synthetic(seed + 100 + static_cast<unsigned>(f), device);
    std::vector<leads::Lead> leads;
    const int repeated = f == 0 ? 0 : std::min<int>(kRepeatedFromPrevious, static_cast<int>(previous.size()));
    leads.insert(leads.end(), previous.end() - repeated, previous.end());
    while (static_cast<int>(leads.size()) < leadsPerFile) {
      leads::Lead lead = synthetic.next();
      // SyntheticLeads draws e-mails from a few thousand; made unique, only the pool repeats.
      const std::size_t at = lead.email.find('@');
      lead.email = fmt::format("{}.{}{}", lead.email.substr(0, at), lead.uuid.substr(0, 8),
                               lead.email.substr(at));
      if (std::uniform_real_distribution<double>(0, 1)(random) < kPoolShare) {
        const leads::Lead& person = pool[random() % pool.size()];
        lead.name = person.name;
        lead.email = typedDifferently(person.email, random);
        lead.phone = person.phone;
      }
      leads.push_back(std::move(lead));
    }
    WriterOptions options;
    options.deviceId = device;
    options.standName = fmt::format("Stand {}", f + 1);
    for (const leads::Lead& lead : leads) {
      if (!lead.productIds.empty()) options.producerOfProduct[lead.productIds[0]] = lead.producerId;
    }
    const fs::path file = folder / fmt::format("{}.jsonl", device);
    auto writer = openWriter(ExportFormat::JsonLines, file, options);
    if (!writer) return fail(writer.error());
    for (const leads::Lead& lead : leads) {
      if (auto error = writer.value()->write(lead)) return fail(*error);
    }
    if (auto error = writer.value()->finish()) return fail(*error);
    total += static_cast<std::int64_t>(leads.size());
    previous = std::move(leads);
  }
  fmt::print("wrote {} files of {} leads ({} in all) to {}\n", files, leadsPerFile, total,
             folder.string());
  return 0;
}

}  // namespace etalase::leadtool
