import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { knowledgeStoreFor, languageModelFor, validatorFor } from './llm-providers';
import { CoreModule } from '../core/core.module';
import { DeskKnowledgeService } from './knowledge/desk/desk-knowledge.service';
import { KnowledgeController } from './knowledge/knowledge.controller';
import { KNOWLEDGE_STORE, LANGUAGE_MODEL, LLM_VALIDATOR } from './llm.tokens';
import { PromptRowsService } from './prompt-rows.service';
import { RecordingValidator } from './recording-validator';

/**
 * The llm domain of mCube: the ICICI strategy's trade validator (`LLM_VALIDATOR`: the rules
 * validator by default, Ollama when OLLAMA_URL / MCUBE_LLM=ollama; every validation stored in
 * `llm_validations`) and its knowledge store (`KNOWLEDGE_STORE`: SQLite FTS5 by default,
 * Chroma when CHROMA_URL is set), chosen once from the configuration; REST search and the
 * trader's notes (`/api/knowledge`); the desk's rules and DECISIONS are loaded into the store at
 * boot (`DeskKnowledgeService`), closed ICICI trades by the strategies module. `LANGUAGE_MODEL`
 * is the validator's Ollama model for free text (the weekly insight), null with the rules validator.
 */
@Module({
  imports: [CoreModule],
  controllers: [KnowledgeController],
  providers: [
    PromptRowsService,
    { provide: LLM_VALIDATOR, inject: [APP_CONFIG, DataSource, PromptRowsService], useFactory: (config: AppConfig, dataSource: DataSource, prompts: PromptRowsService) => new RecordingValidator(validatorFor(config), dataSource, prompts) },
    { provide: KNOWLEDGE_STORE, inject: [APP_CONFIG, DataSource], useFactory: (config: AppConfig, dataSource: DataSource) => knowledgeStoreFor(config, dataSource) },
    { provide: LANGUAGE_MODEL, inject: [APP_CONFIG], useFactory: (config: AppConfig) => languageModelFor(config) },
    DeskKnowledgeService,
  ],
  exports: [LLM_VALIDATOR, KNOWLEDGE_STORE, LANGUAGE_MODEL, DeskKnowledgeService],
})
export class LlmModule {}
