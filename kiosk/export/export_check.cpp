#include "kiosk/export/export_check.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/export/csv_reader.h"
#include "kiosk/export/lead_columns.h"

namespace etalase::exporting {

namespace {

namespace fs = std::filesystem;

struct Descriptor {
  explicit Descriptor(int fd) : fd(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
  int fd;
};

// Counts what one format's records look like, fed the file in pieces. `failure` ends the check.
struct Counter {
  virtual ~Counter() = default;
  virtual void feed(std::string_view bytes) = 0;
  virtual void finish() {}
  std::int64_t records = 0;
  std::optional<std::string> failure;
};

struct CsvCounter final : Counter {
  explicit CsvCounter(std::size_t columns) : columns(columns) {}
  std::size_t columns;
  CsvReader reader{[this](const std::vector<std::string>& fields) {
    if (!failure && fields.size() != columns) {
      failure = fmt::format("CSV record {} has {} fields, not {}", reader.records(),
                            fields.size(), columns);
    }
  }};
  void feed(std::string_view bytes) override {
    if (auto error = reader.feed(bytes); error && !failure) failure = error;
  }
  void finish() override {
    if (auto error = reader.finish(); error && !failure) failure = error;
    records = reader.records() - 1;  // the header row
  }
};

// Lines that start with a given text (compared on the first bytes of each line only).
struct LineCounter final : Counter {
  explicit LineCounter(std::string_view start) : start(start) {}
  void feed(std::string_view bytes) override {
    for (char c : bytes) {
      if (c == '\n') {
        if (line == start) ++records;
        line.clear();
      } else if (line.size() < start.size()) {
        line += c;
      }
    }
  }
  std::string start;
  std::string line;
};

struct JsonLinesCounter final : Counter {
  void feed(std::string_view bytes) override {
    if (bytes.empty()) return;
    if (first) {
      if (bytes.front() != '{') failure = "the first line is not the JSON header";
      first = false;
    }
    records += std::count(bytes.begin(), bytes.end(), '\n');
    last = bytes.back();
  }
  void finish() override {
    if (first) failure = "the file is empty";
    if (!first && last != '\n') failure = "the last line has no line end";
    --records;  // the header line
  }
  bool first = true;
  char last = 0;
};

struct ZipCheck final : Counter {
  void feed(std::string_view bytes) override {
    if (head.size() < 2) head.append(bytes.substr(0, 2 - head.size()));
    tail.append(bytes);
    if (tail.size() > 64) tail.erase(0, tail.size() - 64);
  }
  void finish() override {
    // An archive without a comment ends in its 22-byte end-of-central-directory record.
    if (head != "PK" || tail.size() < 22 || tail.compare(tail.size() - 22, 4, "PK\x05\x06") != 0) {
      failure = "not a whole zip archive";
    }
  }
  std::string head;
  std::string tail;
};

std::unique_ptr<Counter> counterFor(ExportFormat format, bool merged) {
  switch (format) {
    case ExportFormat::Csv:
      return std::make_unique<CsvCounter>(merged ? kMergedColumnCount : kLeadColumnCount);
    case ExportFormat::JsonLines: return std::make_unique<JsonLinesCounter>();
    case ExportFormat::VCard: return std::make_unique<LineCounter>("END:VCARD\r");
    case ExportFormat::Xlsx: return std::make_unique<ZipCheck>();
  }
  return nullptr;
}

}  // namespace

Result<std::uint64_t> checkExportFile(const fs::path& file, ExportFormat format,
                                      std::int64_t expectedLeads, bool merged) {
  const std::string name = file.string();
  const Descriptor descriptor{::open(file.c_str(), O_RDONLY | O_CLOEXEC)};
  const int fd = descriptor.fd;
  if (fd < 0) return Error{name, fmt::format("reading the export back: {}", std::strerror(errno))};
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);  // a hint: the check works without it
  auto counter = counterFor(format, merged);
  std::vector<char> buffer(256 * 1024);
  std::uint64_t size = 0;
  for (;;) {
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Error{name, fmt::format("reading the export back: {}", std::strerror(errno))};
    if (n == 0) break;
    size += static_cast<std::uint64_t>(n);
    counter->feed(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
    if (counter->failure) break;
  }
  if (!counter->failure) counter->finish();
  if (counter->failure) return Error{name, "the export read back is damaged: " + *counter->failure};
  if (format != ExportFormat::Xlsx && counter->records != expectedLeads) {
    return Error{name, fmt::format("the export read back holds {} leads, but {} were written",
                                   counter->records, expectedLeads)};
  }
  return size;
}

}  // namespace etalase::exporting
