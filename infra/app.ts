// `cdk synth` / `cdk deploy` entry (cdk.json runs it with tsx). The App synthesizes on exit.
import { buildApp } from './build-app.js';

buildApp();
