trigger RegistrationDisputeTrigger on Registration_Dispute__c(
  before insert,
  before update,
  after insert,
  after update
) {
  PsmsTriggerDispatcher.run(Registration_Dispute__c.SObjectType);
}
