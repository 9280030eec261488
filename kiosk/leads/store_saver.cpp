#include "kiosk/leads/store_saver.h"

#include <fmt/format.h>

#include "kiosk/leads/uuid.h"

namespace etalase::leads {

namespace {
constexpr std::size_t kKeptStatuses = 1000;
constexpr std::size_t kMaxPendingEvents = 10000;
}  // namespace

LeadSaver::LeadSaver(SaverOptions options)
    : m_options(std::move(options)), m_pending(m_options.pendingFile) {
  m_jobs.push_back([this] { start(); });
  m_worker = std::thread([this] { run(); });
}

LeadSaver::~LeadSaver() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  m_worker.join();
}

SaveTicket LeadSaver::submit(Lead lead) {
  fillIdentity(lead);
  SaveTicket ticket = 0;
  {
    std::lock_guard lock(m_mutex);
    ticket = ++m_lastTicket;
    m_statuses[ticket] = SaveStatus{};
  }
  enqueue([this, ticket, lead = std::move(lead)] { save(ticket, lead); });
  return ticket;
}

SaveStatus LeadSaver::status(SaveTicket ticket) const {
  std::lock_guard lock(m_mutex);
  if (auto it = m_statuses.find(ticket); it != m_statuses.end()) return it->second;
  if (ticket == 0 || ticket > m_lastTicket) return SaveStatus{SaveState::Saving, "unknown ticket"};
  return SaveStatus{SaveState::Saved, ""};
}

void LeadSaver::countEvent(EventKind kind, std::string productId) {
  PendingEvent event{kind, std::move(productId), std::chrono::system_clock::now()};
  enqueue([this, event = std::move(event)] { count(event); });
}

void LeadSaver::retryPending() {
  enqueue([this] { retryNow(); });
}

void LeadSaver::waitUntilIdle() {
  std::unique_lock lock(m_mutex);
  m_idle.wait(lock, [&] { return m_jobs.empty() && !m_busy; });
}

std::size_t LeadSaver::pendingCount() const {
  std::lock_guard lock(m_mutex);
  return m_pendingCount;
}

std::optional<std::string> LeadSaver::warning() const {
  std::lock_guard lock(m_mutex);
  return m_warning;
}

void LeadSaver::enqueue(std::function<void()> job) {
  {
    std::lock_guard lock(m_mutex);
    m_jobs.push_back(std::move(job));
  }
  m_wake.notify_one();
}

void LeadSaver::run() {
  std::unique_lock lock(m_mutex);
  for (;;) {
    if (m_jobs.empty()) {
      if (m_stop) return;  // every submitted job has run
      m_busy = false;
      m_idle.notify_all();
      const bool woken =
          m_wake.wait_for(lock, m_options.retryInterval, [&] { return m_stop || !m_jobs.empty(); });
      if (!woken && m_retryDue) m_jobs.push_back([this] { retryNow(); });
      continue;
    }
    auto job = std::move(m_jobs.front());
    m_jobs.pop_front();
    m_busy = true;
    lock.unlock();
    job();
    lock.lock();
  }
}

void LeadSaver::start() {
  if (auto error = m_pending.load()) m_problem = error->text();
  if (openStore()) retryNow();
  publish();
}

bool LeadSaver::openStore() {
  if (m_store) return true;
  auto store = LeadStore::open(m_options.database, m_options.store);
  if (!store) {
    m_problem = "the lead database cannot be opened: " + store.error().text();
    return false;
  }
  m_store.emplace(std::move(store.value()));
  return true;
}

// After a failed commit the connection is closed and opened again on the next try: that picks up
// a file system remounted read-write, a stick plugged back in, a replaced file.
void LeadSaver::closeStore(const Error& why) {
  m_store.reset();
  m_problem = "leads cannot be saved to the database: " + why.text();
}

void LeadSaver::save(SaveTicket ticket, const Lead& lead) {
  if (openStore()) {
    auto error = m_store->add(lead);
    if (!error) {
      m_problem.reset();
      setStatus(ticket, SaveState::Saved, "");
      if (!m_pending.empty() || !m_pendingEvents.empty()) return retryNow();  // room again
      publish();
      return;
    }
    closeStore(*error);
  }
  std::string message = "kept on this kiosk until the database can take it (" + *m_problem + ")";
  if (auto fileError = m_pending.keep(lead)) {
    message += "; the pending file could not be written either, so it is kept in memory only (" +
               fileError->text() + ")";
  }
  {
    std::lock_guard lock(m_mutex);
    m_ticketOfPending[lead.uuid] = ticket;
  }
  setStatus(ticket, SaveState::KeptPending, std::move(message));
  publish();
}

void LeadSaver::count(const PendingEvent& event) {
  if (openStore()) {
    auto error = m_store->countEvent(event.kind, event.productId, event.when);
    if (!error) {
      publish();
      return;
    }
    closeStore(*error);
  }
  if (m_pendingEvents.size() >= kMaxPendingEvents) m_pendingEvents.pop_front();
  m_pendingEvents.push_back(event);
  publish();
}

void LeadSaver::retryNow() {
  if (m_pending.empty() && m_pendingEvents.empty()) return;
  if (!openStore()) return publish();
  std::vector<std::string> stored;
  for (const Lead& lead : m_pending.leads()) {
    if (auto error = m_store->add(lead)) {
      closeStore(*error);
      break;
    }
    stored.push_back(lead.uuid);
  }
  while (m_store && !m_pendingEvents.empty()) {
    const PendingEvent& event = m_pendingEvents.front();
    if (auto error = m_store->countEvent(event.kind, event.productId, event.when)) {
      closeStore(*error);
      break;
    }
    m_pendingEvents.pop_front();
  }
  if (m_store) m_problem.reset();
  if (auto error = m_pending.forget(stored)) m_problem = "the pending file: " + error->text();
  for (const std::string& uuid : stored) {
    SaveTicket ticket = 0;
    {
      std::lock_guard lock(m_mutex);
      if (auto it = m_ticketOfPending.find(uuid); it != m_ticketOfPending.end()) {
        ticket = it->second;
        m_ticketOfPending.erase(it);
      }
    }
    if (ticket != 0) setStatus(ticket, SaveState::Saved, "");
  }
  publish();
}

void LeadSaver::publish() {
  std::optional<std::string> warning = m_problem;
  if (!warning && m_store) warning = m_store->diskWarning();
  const std::size_t pending = m_pending.leads().size();
  if (warning && pending > 0) *warning += fmt::format(" ({} leads pending)", pending);
  std::lock_guard lock(m_mutex);
  m_warning = std::move(warning);
  m_pendingCount = pending;
  m_retryDue = pending > 0 || !m_pendingEvents.empty();
}

void LeadSaver::setStatus(SaveTicket ticket, SaveState state, std::string message) {
  std::lock_guard lock(m_mutex);
  m_statuses[ticket] = SaveStatus{state, std::move(message)};
  // Forget the oldest saved tickets; those still waiting stay.
  for (auto it = m_statuses.begin(); m_statuses.size() > kKeptStatuses && it != m_statuses.end();) {
    it = it->second.state == SaveState::Saved ? m_statuses.erase(it) : std::next(it);
  }
}

}  // namespace etalase::leads
