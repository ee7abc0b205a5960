import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { TradingStateFields } from '@mcube/contracts';
import { Repository } from 'typeorm';
import { ACCOUNT_TRADING_STATES, type AccountTradingStates } from './account-trading-states.port';
import { BrokerAccount, BrokerCode } from './entities/broker-account.entity';
import { BROKER_CREDENTIAL_FIELDS } from './credentials/broker-credential-fields';
import { CredentialFieldView, CredentialsService } from './credentials/credentials.service';

/** An account as listed: no secret, only whether credentials are stored and which fields (masked); its EFFECTIVE trading state with causes. */
export interface AccountView extends TradingStateFields {
  id: number;
  broker: BrokerCode;
  accountNumber: string;
  name: string;
  allocatedCapitalPaise: number;
  isActive: boolean;
  isPaperTrading: boolean;
  hasCredentials: boolean;
  requiredCredentialFields: readonly string[];
  credentialFields: CredentialFieldView[];
}

/** Read side of broker accounts for the console. */
@Injectable()
export class AccountsService {
  constructor(
    @InjectRepository(BrokerAccount) private readonly accounts: Repository<BrokerAccount>,
    private readonly credentials: CredentialsService,
    @Inject(ACCOUNT_TRADING_STATES) private readonly states: AccountTradingStates,
  ) {}

  async list(): Promise<AccountView[]> {
    const accounts = await this.accounts.find({ order: { id: 'ASC' } });
    const states = await this.states.ofMany(accounts);
    return Promise.all(accounts.map((a) => this.view(a, states.get(a.id) as TradingStateFields)));
  }

  private async view(a: BrokerAccount, state: TradingStateFields): Promise<AccountView> {
    const fields = await this.credentials.fieldsOf(a.id);
    const required = BROKER_CREDENTIAL_FIELDS[a.broker] ?? [];
    return {
      id: a.id,
      broker: a.broker,
      accountNumber: a.accountNumber,
      name: a.name,
      allocatedCapitalPaise: a.allocatedCapitalPaise,
      isActive: a.isActive,
      isPaperTrading: a.isPaperTrading,
      ...state,
      hasCredentials: required.every((f) => fields.some((x) => x.field === f)),
      requiredCredentialFields: required,
      credentialFields: fields,
    };
  }
}
