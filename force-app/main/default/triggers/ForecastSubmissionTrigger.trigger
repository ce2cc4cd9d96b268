trigger ForecastSubmissionTrigger on Forecast_Submission__c(before insert, before update) {
  PsmsTriggerDispatcher.run(Forecast_Submission__c.SObjectType);
}
