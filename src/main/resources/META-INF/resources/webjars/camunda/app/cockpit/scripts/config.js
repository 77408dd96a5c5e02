/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

/*
 * Override of the webjar's cockpit/scripts/config.js (camunda-webapp-webjar 7.24.0), see docs/webapps.md.
 * Everything of the original is kept; added: app name and vendor, Simplified Chinese
 * (locales/zh.json), the managers' view plugins (customScripts, scripts/insight/).
 *
 * Locale choice: the bootstrap takes the browser's first language (navigator.languages[0]),
 * keeps the part before "-" in lower case ("zh-CN" -> "zh") and looks it up in
 * availableLocales; anything not found gets fallbackLocale. So the code must be "zh", and
 * with fallbackLocale "zh" every browser language other than English shows Chinese.
 */

export default {
  // change the app name and vendor
  app: {
    name: '驾驶舱',
    vendor: '员工意见办理'
  },
  // Cockpit plugins of this project: ES modules, paths relative to the 'cockpit' folder
  // (app/cockpit/; Cockpit appends '.js' when missing and imports each with import()), each
  // exporting by default a plugin or an array of plugins. See docs/webapps.md.
  customScripts: [
    // the managers' view: heatmap on the process definition's diagram
    'scripts/insight/heatmap.js',
    // the managers' view: deadline dashboard (start page, own page, top menu entry)
    'scripts/insight/deadlines.js',
    // the visiting duties' coverage (走访覆盖: own page, top menu entry)
    'scripts/insight/coverage.js',
    // admins' notices, e.g. next year's holiday arrangement missing (/notices.js)
    'scripts/notices.js',
    // a tab 案卷 on the process instance page: the case file and the slips
    'scripts/caseFile.js',
    // If you have a folder called 'my-custom-script' (in the 'cockpit' folder)
    // with a file called 'customScript.js' in it
    // 'my-custom-script/customScript'
  ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `cockpit` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // historicActivityInstanceMetrics: {
  //   adjustablePeriod: true,
  //   //select from the default time period: day, week, month, complete
  //   period: {
  //     unit: 'week'
  //   }
  // },
  // runtimeActivityInstanceMetrics: {
  //   display: true
  // },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // skipCustomListeners: {
  //   default: true,
  //   hidden: false
  // },
  // skipIoMappings: {
  //   default: true,
  //   hidden: false
  // },
  // cascade: {
  //   default: false
  // },
  // 'batchOperation' : {
  //   // select mode of query for process instances or decision instances
  //   // possible values: filter, search
  //   'mode': 'filter',
  //
  //   // select if Historic Batches should be loaded automatically when navigating to #/batch
  //   'autoLoadEnded': true
  // },
  // bpmnJs: {
  //   moddleExtensions: {
  //     // if you have a folder called 'my-custom-moddle' (in the 'cockpit' folder)
  //     // with a file called 'camunda.json' in it defining the 'camunda' moddle extension
  //     camunda: 'my-custom-moddle/camunda'
  //   },
  //   additionalModules: [
  //     // if you have a folder called 'my-custom-module' (in the 'cockpit' folder)
  //     // with a file called 'module.js' in it
  //     'my-custom-module/module'
  //   ],
  // },
  // defaultFilter: {
  //   historicProcessDefinitionInstancesSearch: {
  //     lastDays: 5,
  //     event: 'started'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // userOperationLogAnnotationLength: 5000,
  // previewHtml: true
};
