import { ApiCredential } from '../modules/accounts/entities/api-credential.entity';
import { BrokerAccount } from '../modules/accounts/entities/broker-account.entity';
import { Alert } from '../modules/alerts/entities/alert.entity';
import { AlertLog } from '../modules/alerts/entities/alert-log.entity';
import { AlertChannelSetting } from '../modules/alerts/entities/alert-channel-setting.entity';
import { AlertCooldown } from '../modules/alerts/entities/alert-cooldown.entity';
import { TelegramApprovalCard } from '../modules/telegram/entities/telegram-approval-card.entity';
import { TelegramChat } from '../modules/alerts/entities/telegram-chat.entity';
import { DailyPnl } from '../modules/analytics/entities/daily-pnl.entity';
import { DailyReport } from '../modules/analytics/entities/daily-report.entity';
import { LearningSetting } from '../modules/analytics/entities/learning-setting.entity';
import { LearningSuggestion } from '../modules/analytics/entities/learning-suggestion.entity';
import { PatternRecord } from '../modules/analytics/entities/pattern-record.entity';
import { Performance } from '../modules/analytics/entities/performance.entity';
import { WeeklyInsight } from '../modules/analytics/entities/weekly-insight.entity';
import { ApiKeyEntity } from '../modules/core/entities/api-key.entity';
import { AuditLogEntity } from '../modules/core/entities/audit-log.entity';
import { KnownDeviceEntity } from '../modules/core/entities/known-device.entity';
import { LoginThrottleEntity } from '../modules/core/entities/login-throttle.entity';
import { SessionEntity } from '../modules/core/entities/session.entity';
import { UserEntity } from '../modules/core/entities/user.entity';
import { CalendarOverride } from '../modules/data/entities/calendar-override.entity';
import { CalendarYear } from '../modules/data/entities/calendar-year.entity';
import { EconomicEvent } from '../modules/data/entities/economic-event.entity';
import { MarketClockState } from '../modules/data/entities/market-clock-state.entity';
import { MarketData } from '../modules/data/entities/market-data.entity';
import { OptionChainRow } from '../modules/data/entities/option-chain.entity';
import { InstrumentContract } from '../modules/data/entities/instrument-contract.entity';
import { LlmPrompt } from '../modules/llm/entities/llm-prompt.entity';
import { LlmValidation } from '../modules/llm/entities/llm-validation.entity';
import { BacktestRun } from '../modules/backtests/entities/backtest-run.entity';
import { Execution } from '../modules/orders/entities/execution.entity';
import { ApprovalToken } from '../modules/orders/entities/approval-token.entity';
import { ApprovalRequestRow } from '../modules/strategies/approvals/approval-request.entity';
import { Order } from '../modules/orders/entities/order.entity';
import { OrderEvent } from '../modules/orders/entities/order-event.entity';
import { PaperBookRow } from '../modules/orders/entities/paper-book-row.entity';
import { BrokerSession } from '../modules/orders/entities/broker-session.entity';
import { MonitorLog } from '../modules/positions/entities/monitor-log.entity';
import { Position } from '../modules/positions/entities/position.entity';
import { PositionLeg } from '../modules/positions/entities/position-leg.entity';
import { PendingHaltRow } from '../modules/positions/exit-all/pending-halt.entity';
import { CircuitBreaker } from '../modules/risk/entities/circuit-breaker.entity';
import { RiskLimit } from '../modules/risk/entities/risk-limit.entity';
import { DecisionJournalEntry } from '../modules/strategies/entities/decision-journal-entry.entity';
import { StrategyConfig } from '../modules/strategies/entities/strategy-config.entity';
import { StrategyLearning } from '../modules/analytics/entities/strategy-learning.entity';
import { StrategyPositionLink } from '../modules/strategies/entities/strategy-position-link.entity';
import { StrategyRuntimeState } from '../modules/strategies/entities/strategy-runtime-state.entity';

/**
 * Every entity of mCube, listed explicitly (no globs: the same list works under jest, the
 * compiled app and the migration scripts). A new entity goes here, then
 * `npm run db:migrate:generate -- <Name>`.
 */
export const ENTITIES = [
  // core (security helper)
  UserEntity,
  ApiKeyEntity,
  SessionEntity,
  AuditLogEntity,
  LoginThrottleEntity,
  KnownDeviceEntity,
  // accounts
  BrokerAccount,
  ApiCredential,
  // strategies
  StrategyConfig,
  StrategyLearning,
  DecisionJournalEntry,
  StrategyRuntimeState,
  StrategyPositionLink,
  // positions
  Position,
  PositionLeg,
  MonitorLog,
  PendingHaltRow,
  // orders
  Order,
  ApprovalToken,
  ApprovalRequestRow,
  OrderEvent,
  Execution,
  PaperBookRow,
  BrokerSession,
  // risk
  RiskLimit,
  CircuitBreaker,
  // data
  MarketData,
  OptionChainRow,
  EconomicEvent,
  CalendarOverride,
  CalendarYear,
  MarketClockState,
  InstrumentContract,
  // llm
  LlmPrompt,
  LlmValidation,
  // analytics
  DailyPnl,
  Performance,
  PatternRecord,
  LearningSuggestion,
  LearningSetting,
  WeeklyInsight,
  DailyReport,
  // alerts
  Alert,
  AlertLog,
  AlertChannelSetting,
  AlertCooldown,
  TelegramChat,
  TelegramApprovalCard,
  // backtests
  BacktestRun,
];
