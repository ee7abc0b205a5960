import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobHandlersRegistry } from '../../jobs/job-handlers.registry';
import { OrdersService } from './submit-order.service';

/**
 * Registers the orders module's job: `orders.submit` sends an intent `OrdersService.enqueue`
 * journaled, through the same risk checks and send path as a direct submit. One attempt
 * (registry); a redelivery finds the intent claimed and does nothing.
 */
@Injectable()
export class OrderJobHandlers implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlersRegistry,
    private readonly orders: OrdersService,
  ) {}

  onModuleInit(): void {
    this.handlers.register(
      'orders.submit',
      async (payload) => {
        await this.orders.runQueued(payload);
      },
      'OrdersModule',
    );
  }
}
