#include "kiosk/export/lead_merge.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <numeric>
#include <unordered_map>

#include "kiosk/export/export_commit.h"
#include "kiosk/export/jsonl_reader.h"
#include "kiosk/export/lead_writer.h"
#include "kiosk/export/person_key.h"
#include "kiosk/export/producer_files.h"
#include "kiosk/leads/uuid.h"

namespace etalase::exporting {

namespace {

namespace fs = std::filesystem;

// The stands leads were left at: one per device id (else per stand name), with a label for
// people, "Stand name (device id)" where the name is known.
class Stands {
 public:
  std::uint32_t add(const std::string& deviceId, const std::string& standName) {
    const std::string& key = deviceId.empty() ? standName : deviceId;
    auto [it, added] = m_byKey.try_emplace(key, static_cast<std::uint32_t>(m_labels.size()));
    if (added) {
      m_labels.push_back(label(deviceId, standName));
      m_named.push_back(!standName.empty());
    } else if (!m_named[it->second] && !standName.empty()) {
      m_labels[it->second] = label(deviceId, standName);  // an older export may lack the name
      m_named[it->second] = true;
    }
    return it->second;
  }
  const std::string& label(std::uint32_t stand) const { return m_labels[stand]; }

 private:
  static std::string label(const std::string& deviceId, const std::string& standName) {
    if (standName.empty()) return deviceId.empty() ? std::string("(no device id)") : deviceId;
    return deviceId.empty() ? standName : fmt::format("{} ({})", standName, deviceId);
  }
  std::unordered_map<std::string, std::uint32_t> m_byKey;
  std::vector<std::string> m_labels;
  std::vector<bool> m_named;
};

struct Input {
  bool readable = false;
  std::string exportedUtc;
  std::int64_t leads = 0;
};

// A lead once its duplicates are gone: where the copy to write is.
struct Unique {
  std::uint64_t sequence;  // the copy's position among all leads read, in input order
  std::uint32_t file;
  std::uint32_t stand;
};

// What the first pass keeps: no lead's content beyond its uuid and person keys.
struct FirstPass {
  std::vector<Input> inputs;
  std::vector<Unique> uniques;
  std::vector<std::uint32_t> parent;  // union-find over uniques: one person
  std::unordered_map<std::string, std::uint32_t> byUuid, byEmail, byPhone;
  std::map<std::string, std::string> producerOfProduct, producerNames;  // all inputs', first wins
  Stands stands;
  std::uint64_t sequence = 0;

  std::uint32_t root(std::uint32_t u) {
    while (parent[u] != u) u = parent[u] = parent[parent[u]];
    return u;
  }
  void samePerson(std::unordered_map<std::string, std::uint32_t>& keys, std::string key,
                  std::uint32_t u) {
    if (key.empty()) return;
    auto [it, added] = keys.try_emplace(std::move(key), u);
    if (added) return;
    const std::uint32_t a = root(it->second), b = root(u);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);  // the earliest lead is the root
  }
};

std::string deviceOf(const leads::Lead& lead, const LeadLine& line) {
  return lead.deviceId.empty() ? line.file.deviceId : lead.deviceId;
}

// Reads one input through readLeadLinesWithHeader; problems go to `onProblem` (may be empty).
Result<LeadLinesSummary> readInput(const fs::path& file, const OnLeadLine& onLead,
                                   const OnProblem& onProblem) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Error{file.string(), fmt::format("cannot be opened: {}", std::strerror(errno))};
  return readLeadLinesWithHeader(in, file.string(), onLead,
                                 onProblem ? onProblem : OnProblem([](std::int64_t, const std::string&) {}));
}

void firstPass(const MergeOptions& options, FirstPass& pass, MergeReport& report,
               const OnMergeProblem& onProblem) {
  for (std::uint32_t f = 0; f < options.inputs.size(); ++f) {
    pass.inputs.emplace_back();
    const auto onLead = [&](leads::Lead&& lead, const LeadLine& line) {
      // The header is read before the first lead: this file's time is known from here on.
      pass.inputs[f].exportedUtc = line.file.exportedUtc;
      const std::uint64_t sequence = pass.sequence++;
      const std::uint32_t stand = pass.stands.add(deviceOf(lead, line), line.standName);
      const auto next = static_cast<std::uint32_t>(pass.uniques.size());
      auto [it, added] = pass.byUuid.try_emplace(lead.uuid, next);
      if (!added) {
        ++report.duplicatesRemoved;
        Unique& kept = pass.uniques[it->second];
        if (line.file.exportedUtc > pass.inputs[kept.file].exportedUtc) kept = {sequence, f, stand};
        return;
      }
      pass.uniques.push_back({sequence, f, stand});
      pass.parent.push_back(next);
      pass.samePerson(pass.byEmail, normalisedEmail(lead.email), next);
      pass.samePerson(pass.byPhone, normalisedPhone(lead.phone), next);
    };
    auto summary = readInput(options.inputs[f], onLead,
                             [&](std::int64_t, const std::string& message) {
                               ++report.problems;
                               onProblem(message);
                             });
    if (!summary) {
      ++report.filesRefused;
      ++report.problems;
      onProblem(summary.error().text());
      continue;
    }
    ++report.filesRead;
    pass.inputs[f] = {true, summary.value().exportedUtc, summary.value().leads};
    report.leadsRead += summary.value().leads;
    pass.producerOfProduct.insert(summary.value().producerOfProduct.begin(),
                                  summary.value().producerOfProduct.end());
    pass.producerNames.insert(summary.value().producerNames.begin(),
                              summary.value().producerNames.end());
  }
}

// Per unique lead, its group's merged fields (shared), or none when the person left one lead.
struct Groups {
  std::vector<std::int32_t> ofUnique;  // -1: alone
  std::vector<MergedFields> fields;
};

Groups findGroups(FirstPass& pass, MergeReport& report) {
  const std::size_t count = pass.uniques.size();
  std::vector<std::uint32_t> members(count, 0);
  for (std::uint32_t u = 0; u < count; ++u) ++members[pass.root(u)];
  Groups groups;
  groups.ofUnique.assign(count, -1);
  std::vector<std::vector<std::uint32_t>> stands;
  for (std::uint32_t u = 0; u < count; ++u) {
    const std::uint32_t root = pass.root(u);
    if (members[root] < 2) continue;
    if (groups.ofUnique[root] < 0) {  // roots come first: the earliest lead of the group
      groups.ofUnique[root] = static_cast<std::int32_t>(groups.fields.size());
      groups.fields.push_back({{}, fmt::format("P{}", groups.fields.size() + 1), {}});
      stands.emplace_back();
    }
    const auto group = static_cast<std::size_t>(groups.ofUnique[root]);
    groups.ofUnique[u] = groups.ofUnique[root];
    auto& seen = stands[group];
    if (std::find(seen.begin(), seen.end(), pass.uniques[u].stand) == seen.end()) {
      seen.push_back(pass.uniques[u].stand);
      groups.fields[group].seenAtStands.push_back(pass.stands.label(pass.uniques[u].stand));
    }
  }
  report.samePersonGroups = static_cast<std::int64_t>(groups.fields.size());
  for (const auto& seen : stands) report.seenAtSeveralStands += seen.size() > 1 ? 1 : 0;
  return groups;
}

// The producers a lead goes to: those of the products asked about (the input's header maps
// them), else the lead's own producer.
void producersOf(const leads::Lead& lead, const LeadLinesSummary& file,
                 std::vector<std::string>& producers) {
  producers.clear();
  for (const std::string& product : lead.productIds) {
    auto it = file.producerOfProduct.find(product);
    if (it != file.producerOfProduct.end() &&
        std::find(producers.begin(), producers.end(), it->second) == producers.end()) {
      producers.push_back(it->second);
    }
  }
  if (producers.empty() && !lead.producerId.empty()) producers.push_back(lead.producerId);
}

}  // namespace

Result<MergeReport> mergeLeadFiles(const MergeOptions& options, const OnMergeProblem& onProblem) {
  MergeReport report;
  FirstPass pass;
  firstPass(options, pass, report, onProblem);
  if (report.filesRead == 0) {
    return Error{options.output.string(), "nothing to merge: no input could be read"};
  }
  Groups groups = findGroups(pass, report);

  // The copies to write, in the order the second pass meets them.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> kept;
  kept.reserve(pass.uniques.size());
  for (std::uint32_t u = 0; u < pass.uniques.size(); ++u) kept.emplace_back(pass.uniques[u].sequence, u);
  std::sort(kept.begin(), kept.end());

  WriterOptions writerOptions;
  writerOptions.csvByteOrderMark = options.csvByteOrderMark;
  writerOptions.exportedUtc = options.exportedUtc.empty()
                                  ? leads::utcTimestamp(std::chrono::system_clock::now())
                                  : options.exportedUtc;
  writerOptions.producerOfProduct = pass.producerOfProduct;
  writerOptions.producerNames = pass.producerNames;
  writerOptions.mergedColumns = true;
  writerOptions.mergedFrom = report.filesRead;
  PartialExport partial(options.output);
  auto opened = openWriter(options.format, partial.partialFile(), writerOptions);
  if (!opened) return partial.named(opened.error());
  std::unique_ptr<LeadWriter> writer = std::move(opened.value());
  std::optional<ProducerFiles> byProducer;
  if (!options.byProducerFolder.empty()) {
    byProducer.emplace(options.byProducerFolder, options.format, writerOptions);
  }

  std::uint64_t sequence = 0;
  std::size_t next = 0;
  std::optional<Error> failure;
  MergedFields alone;
  std::vector<std::string> producers;
  for (std::uint32_t f = 0; f < options.inputs.size() && !failure; ++f) {
    if (!pass.inputs[f].readable) continue;
    const fs::path& file = options.inputs[f];
    const auto onLead = [&](leads::Lead&& lead, const LeadLine& line) {
      const std::uint64_t at = sequence++;
      if (failure || next == kept.size() || kept[next].first != at) return;
      const std::uint32_t u = kept[next++].second;
      auto it = pass.byUuid.find(lead.uuid);
      if (it == pass.byUuid.end() || it->second != u) {
        failure = Error{file.string(), "changed while it was being merged"};
        return;
      }
      const std::int32_t group = groups.ofUnique[u];
      MergedFields* fields = &alone;
      if (group >= 0) {
        fields = &groups.fields[static_cast<std::size_t>(group)];
      } else {
        alone.seenAtStands.assign(1, pass.stands.label(pass.uniques[u].stand));
      }
      fields->standName = line.standName;
      if (auto error = writer->write(lead, fields)) {
        failure = partial.named(*error);
        return;
      }
      ++report.leadsWritten;
      if (!byProducer) return;
      producersOf(lead, line.file, producers);
      if (producers.empty()) ++report.withoutProducer;
      for (const std::string& producer : producers) {
        if (auto error = byProducer->write(producer, lead, *fields)) failure = error;
      }
    };
    auto summary = readInput(file, onLead, nullptr);
    if (!summary && !failure) failure = Error{file.string(), "changed while it was being merged"};
    if (summary && summary.value().leads != pass.inputs[f].leads && !failure) {
      failure = Error{file.string(), "changed while it was being merged"};
    }
  }
  if (!failure && next != kept.size()) {
    failure = Error{options.output.string(), "an input changed while it was being merged"};
  }
  if (failure) return *failure;
  if (auto error = writer->finish()) return partial.named(*error);
  writer.reset();
  auto bytes = partial.commit(options.format, report.leadsWritten, true);
  if (!bytes) return bytes.error();
  report.bytes = bytes.value();
  if (byProducer) {
    auto files = byProducer->finish();
    if (!files) return files.error();
    report.producerFiles = std::move(files.value());
  }
  return report;
}

}  // namespace etalase::exporting
